"""The shipped model: written by `checker train`, read by checker/model.py."""
