"""`checker serve`: the check as a local web page, for anyone who does not use a terminal."""
