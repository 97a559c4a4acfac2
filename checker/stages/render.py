"""Stage 8: a result as words for a worried person: Chinese (default), 繁體 (zh-Hant) or English.

The default answer is short: the verdict, the two or three strongest reasons with their quotes,
numbered steps, and the message with the suspicious places marked. `detail=True` is the full
report (every flag with its weight, the model, the entities, every institution). Quotes are the
reader's own text, never converted or translated; only our words are.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from . import datafile
from .advice import explanation, public_sources, steps
from .claims import judgements
from .entities import Entity
from .model import MODEL_FLAG_PREFIX
from .patterns import precompiled
from .records import NamedTuple  # typing's, without evaluating the annotations
from .result import CheckResult
from .rules import catalogue

LANGS = ("zh", "zh-Hant", "en")
# Evidence quotes longer than this are cut with "…": the reason line must stay one line.
QUOTE_CHARS = 22
# The short answer shows at most this much of the message itself.
MESSAGE_CHARS = 400
MAX_REASONS = 3

_LABELS = {
    "zh": {
        "verdict": "结论",
        "score": "风险分",
        "flags": "可疑点（按重要性）",
        "no_flags": "没有发现已知的可疑点。",
        "lowering": "降低风险的迹象",
        "why": "为什么",
        "quote": "原文",
        "weight": "权重",
        "model": "模型",
        "model_line": "分类器认为像诈骗短信的概率 {p:.0%}",
        "model_cues": "主要依据的词",
        "model_off": "模型不可用，本次只按规则判断（{why}）",
        "model_abstained": "模型未作判断：短信里它认识的词太少，本次只按规则判断",
        "marked": "原文标注（[[ ]] 内为可疑处）",
        "contains": "短信里的内容",
        "advice": "去哪里核实（不要用短信里的号码和链接）",
        "reminder": "提醒",
        "none": "无",
        "sources": "来源",
        "steps": "接下来怎么做",
        "not_official": "短信里的号码和链接",
    },
    "en": {
        "verdict": "Verdict",
        "score": "risk score",
        "flags": "Red flags (most important first)",
        "no_flags": "No known red flags found.",
        "lowering": "Signs that lower the risk",
        "why": "Why",
        "quote": "In the message",
        "weight": "weight",
        "model": "Model",
        "model_line": "the classifier puts the chance that this reads like a scam at {p:.0%}",
        "model_cues": "words it leaned on",
        "model_off": "model unavailable, rules only this time ({why})",
        "model_abstained": "the model abstained: too few words it knows, rules only this time",
        "marked": "The message, marked ([[ ]] = suspicious)",
        "contains": "What the message contains",
        "advice": "Where to verify (never through numbers or links in the message)",
        "reminder": "Reminder",
        "none": "none",
        "sources": "Sources",
        "steps": "What to do next",
        "not_official": "Numbers and links in the message",
    },
}

_PHONE_TYPES = {
    "zh": {"mobile": "手机号", "landline": "座机", "service": "服务号码", "overseas": "境外号码"},
    "en": {"mobile": "mobile", "landline": "landline", "service": "service number", "overseas": "overseas number"},
}
_LINK_CATEGORIES = {
    "zh": {
        "short_link": "短链接，看不出去向",
        "raw_ip": "IP地址链接",
        "lookalike": "疑似仿冒域名",
        "official": "属于{owner}的已知域名，仍请自己打开App核实",
        "court_service": "法院送达平台类地址：请用12368核实案号，不要直接点",
        "government": "政府域名",
        "other": "不属于短信所称机构的已知域名",
    },
    "en": {
        "short_link": "short link, destination hidden",
        "raw_ip": "raw IP address",
        "lookalike": "looks like an imitation domain",
        "official": "a known domain of {owner}; still open the app yourself",
        "court_service": "a court e-service host: verify the case number via 12368 instead of clicking",
        "government": "government domain",
        "other": "not a known domain of the institution named",
    },
}
_ENTITY_NAMES = {
    "zh": {
        "phone": "电话", "link": "链接", "bank_card": "银行卡号", "id_number": "身份证号", "law_firm": "律所",
        "pseudo_legal_org": "法务/调解机构", "lawyer_name": "律师", "lawyer_licence": "律师执业证号",
        "credit_code": "统一社会信用代码", "court": "法院", "case_number": "案号", "amount": "金额",
        "deadline": "期限", "overdue_days": "逾期天数", "sender_tag": "短信签名", "chat_handle": "聊天账号",
    },
    "en": {
        "phone": "Phone", "link": "Link", "bank_card": "Bank card", "id_number": "ID number", "law_firm": "Law firm",
        "pseudo_legal_org": "'Legal'/mediation body", "lawyer_name": "Lawyer", "lawyer_licence": "Lawyer licence no.",
        "credit_code": "Unified credit code", "court": "Court", "case_number": "Case number", "amount": "Amount",
        "deadline": "Deadline", "overdue_days": "Days overdue", "sender_tag": "Sender tag", "chat_handle": "Chat ID",
    },
}


def _entity_note(entity: Entity, lang: str) -> str:
    d = entity.details
    zh = lang == "zh"
    if entity.kind == "phone":
        note = _PHONE_TYPES[lang].get(d.get("type", ""), "")
        if "official" in d:
            note += f"，已确认：{d['official']}" if zh else f", confirmed: {d['official']}"
        return note
    if entity.kind == "link":
        template = _LINK_CATEGORIES[lang].get(d.get("category", ""), "")
        return f"{d.get('domain', '')} — " + template.format(owner=d.get("owner", ""))
    if entity.kind in ("bank_card", "id_number"):
        ok = d.get("checksum") == "valid"
        return ("校验通过" if ok else "校验不通过") if zh else ("checksum valid" if ok else "checksum fails")
    if entity.kind == "lawyer_licence":
        ok = d.get("format") == "ok"
        if zh:
            return "格式正常（17位，旧证12位），仍请在中国法律服务网核实" if ok else "格式异常，请在中国法律服务网核实"
        return "format ok, still check on China Legal Services" if ok else "unusual format, check on China Legal Services"
    if entity.kind == "credit_code":
        ok = d.get("checksum") == "valid"
        issuer = {"law_firm": "律师事务所（31开头）", "company": "公司（91开头），不是律所"}.get(str(d.get("issuer")), "其他机构")
        issuer_en = {"law_firm": "law firm (starts 31)", "company": "company (starts 91), not a law firm"}.get(
            str(d.get("issuer")), "other body"
        )
        if zh:
            return f"{'校验通过' if ok else '校验不通过'}，{issuer}"
        return f"{'checksum valid' if ok else 'checksum fails'}, {issuer_en}"
    if entity.kind == "case_number":
        ok = d.get("format") == "ok"
        if zh:
            return "格式规范，请用12368核实" if ok else "格式不规范，请用12368核实"
        return "well-formed; verify via 12368" if ok else "malformed; verify via 12368"
    if entity.kind == "pseudo_legal_org" or (entity.kind == "law_firm" and d.get("company_suffix")):
        return "不是律师事务所的组织形式" if zh else "not the legal form of a law firm"
    return ""


_SHORT = {
    "zh": {
        "verdict": "结论：{v}",
        "low_but": "结论：{v}，但有一处值得留意",
        "reasons": "可疑之处：",
        "watch": "值得留意：",
        "calm": "没有发现常见的诈骗迹象。",
        "calm_person": "没有要钱、要验证码或让你点链接；但冒充熟人、领导、房东的诈骗常这样开场。",
        "told": "它讲到的诈骗说法：",
        "good": "看起来正常的地方：",
        "model_only": "措辞像常见的诈骗短信",
        "invisible": "短信里夹着看不见的字符",
        "steps": "接下来：",
        "marked": "短信原文（[[ ]] 内为可疑处）：",
        "cut": "…（后面还有 {n} 字）",
        "model_off": "（本次只按规则检查：模型不可用）",
    },
    "en": {
        "verdict": "Verdict: {v}",
        "low_but": "Verdict: {v}, but one thing is worth a look",
        "reasons": "What is suspicious:",
        "watch": "Worth a look:",
        "calm": "No sign of the usual scams.",
        "calm_person": "It asks for no money, code or link; but fake relatives, bosses and landlords open this way.",
        "told": "The scam patterns it tells of:",
        "good": "What looks normal:",
        "model_only": "It is worded like common scam messages",
        "invisible": "The message hides invisible characters",
        "steps": "What to do next:",
        "marked": "The message ([[ ]] = suspicious):",
        "cut": "… ({n} more characters)",
        "model_off": "(rules only this time: the model is unavailable)",
    },
}

_INVISIBLE = ("Cf", "Mn", "Me", "Cc", "Zl", "Zp")
# A lowering rule's title ends by saying so; in the short answer that is jargon.
_LOWERS_NOTE = precompiled(r"（降低风险）|\s*\(lowers the risk\)")


def visible(text: str) -> str:
    """What a reader can see of a quote: no invisible or combining characters, no edge spaces."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE or ch == "\n").strip()


def _quote(text: str) -> str:
    shown = " ".join(visible(text).split())
    return shown if len(shown) <= QUOTE_CHARS else shown[: QUOTE_CHARS - 1] + "…"


def _quotes(evidence, limit: int = 2) -> list[str]:
    """The first distinct quotes a reader can see; a lone character says little when words are there."""
    evidence = sorted(evidence, key=lambda e: len(visible(e.text)) < 2)
    out: list[str] = []
    for e in evidence:
        shown = _quote(e.text)
        if shown and shown not in out:
            out.append(shown)
        if len(out) == limit:
            break
    return out


@lru_cache(maxsize=1)
def _s2t() -> tuple[dict[str, str], dict[str, str], int]:
    raw = json.loads(datafile.read("data/s2t.json"))
    phrases = raw["phrases"]
    return raw["chars"], phrases, max(map(len, phrases), default=1)


def to_traditional(text: str) -> str:
    """Simplified -> traditional by OpenCC's tables (data/s2t.json): longest phrase first, then per character."""
    chars, phrases, longest = _s2t()
    out, i = [], 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 1, -1):
            hit = phrases.get(text[i : i + size])
            if hit:
                out.append(hit)
                i += size
                break
        else:
            out.append(chars.get(text[i], text[i]))
            i += 1
    return "".join(out)


def _words(lang: str) -> Callable[[str], str]:
    """How our own words are shown: 繁體 converts them; the reader's quotes never pass through this."""
    return to_traditional if lang == "zh-Hant" else (lambda s: s)


def _segments(text: str, result: CheckResult, limit: int | None = None) -> list[tuple[str, bool]]:
    """The message cut into (piece, suspicious?) pieces; an invisible character alone is never marked."""
    spans = sorted({(e.start, e.end) for f in result.flags if f.weight > 0 for e in f.evidence})
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    stop = len(text) if limit is None else min(limit, len(text))
    out: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in merged:
        if start >= stop:
            break
        out.append((text[cursor:start], False))
        shown = text[start : min(end, stop)]
        out.append((shown, bool(visible(shown))))
        cursor = min(end, stop)
    out.append((text[cursor:stop], False))
    return [(piece, marked) for piece, marked in out if piece]


def _marked(text: str, result: CheckResult, limit: int | None = None, mark=lambda s: f"[[{s}]]") -> str:
    return "".join(mark(piece) if marked else piece for piece, marked in _segments(text, result, limit))


class Reason(NamedTuple):
    text: str  # our words
    quotes: tuple[str, ...]  # what the reader can see of the message, never converted


class Answer(NamedTuple):
    """The short answer's parts, in the reader's language; the CLI and the web page lay them out."""

    verdict: str
    headline: str
    reasons_title: str
    reasons: tuple[Reason, ...]
    calm: tuple[str, ...]
    steps_title: str
    steps: tuple[str, ...]
    marked_title: str
    segments: tuple[tuple[str, bool], ...]
    more: str  # "… (N more characters)" when the message is cut
    lost: bool = False  # the reader's own story of a loss, with no red flag: the headline sends them to 110


# The filters that say the message warns about a scam it quotes or retells (data/filters.toml).
_WARNING_FILTERS = ("warning_retelling", "warning_notice", "warning_clause")


def _rule_title(rule_id: str, zh: bool) -> str:
    """A rule's or a judgement's title, by its id ("" when neither knows it)."""
    for rule in catalogue().rules:
        if rule.id == rule_id:
            return _LOWERS_NOTE.sub("", rule.title if zh else rule.title_en)
    judged = judgements().get(rule_id)
    return (judged["title"] if zh else judged["title_en"]) if judged else ""


def answer(text: str, result: CheckResult, lang: str = "zh") -> Answer:
    """What the reader needs first: the verdict, the strongest reasons, the steps, the marked message."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGS)}")
    zh = lang != "en"
    S = _SHORT["zh" if zh else "en"]
    w = _words(lang)

    def pick(chinese: str, english: str) -> str:
        return w(chinese) if zh else english

    red = sorted((f for f in result.flags if f.weight > 0), key=lambda f: -f.weight)
    # The model's named flag speaks in the short answer only when no rule does.
    red = [f for f in red if not f.id.startswith(MODEL_FLAG_PREFIX)] or red
    reasons = []
    for flag in red:
        quotes = tuple(_quotes(flag.evidence))
        title = pick(flag.title, flag.title_en)
        hidden = f"（{w(S['invisible'])}）" if zh else f" ({S['invisible']})"
        reasons.append(Reason(title if quotes else title + hidden, quotes))
    reasons = reasons[: MAX_REASONS - min(1, len(result.not_official))]
    reasons += [Reason(pick(zh_text, en), ()) for zh_text, en in result.not_official[: MAX_REASONS - len(reasons)]]
    if not red and result.verdict != "low_risk":
        # The model alone lifted the verdict: say what it saw, never a headline without a reason.
        cues = [c for c in result.model_cues if len(c.term) > 1 and any(visible(e.text) for e in c.evidence)]
        seen = tuple(_quote(c.evidence[0].text) for c in cues[:3])
        reasons.insert(0, Reason(w(S["model_only"]), seen))
    calm: list[str] = []
    # The reader's own story of a loss, with nothing else to say of it: its headline sends them to 110.
    lost = any(step.id == "loss" for step in result.steps) and not red and result.verdict == "low_risk"
    warned = [s for s in result.suppressed if s.filter in _WARNING_FILTERS]
    if not reasons and warned:
        # A warning or a story of a scam refused: "no sign of scams" would read as "that call was
        # fine". Say what it is, and which scam patterns it tells of.
        calm.append(pick(warned[0].reason, warned[0].reason_en))
        told = list(dict.fromkeys(t for t in (_rule_title(s.rule, zh) for s in warned) if t))[:3]
        if told:
            calm.append(w(S["told"]) + ("" if zh else " ") + ("；" if zh else "; ").join(map(w, told)))
    elif not reasons and not lost:
        # (A story of a loss has its own headline: "no sign of the usual scams" would read as "nothing happened".)
        # A known person's claim alone (advice._KNOWN_PERSONS): "no sign of scams" would vouch for the opener of one.
        person = any(step.id == "known_person" for step in result.steps)
        calm.append(w(S["calm_person" if person else "calm"]))
        green = [f for f in result.flags if f.weight < 0]
        if green:
            titles = [_LOWERS_NOTE.sub("", pick(f.title, f.title_en)) for f in green[:2]]
            calm.append(w(S["good"]) + ("" if zh else " ") + ("；" if zh else "; ").join(titles))
    if not result.model_status.startswith("ok"):
        calm.append(w(S["model_off"]))
    headline = S["low_but"] if result.verdict == "low_risk" and red else S["verdict"]
    if lost:
        shown = pick(*steps().loss.headline)
    else:
        shown = w(headline.format(v=result.verdict_text)) if zh else headline.format(v=result.verdict_text_en)
    rest = len(text) - MESSAGE_CHARS
    return Answer(
        verdict=result.verdict,
        headline=shown,
        reasons_title=w(S["watch"] if result.verdict == "low_risk" else S["reasons"]),
        reasons=tuple(reasons),
        calm=tuple(calm),
        steps_title=w(S["steps"]),
        steps=tuple(pick(step.text, step.text_en) for step in result.steps),
        marked_title=w(S["marked"]),
        segments=tuple(_segments(text, result, MESSAGE_CHARS)) if red else (),
        more=w(S["cut"]).format(n=rest) if red and rest > 0 else "",
        lost=lost,
    )


def _short(text: str, result: CheckResult, lang: str, style) -> str:
    a = answer(text, result, lang)
    zh = lang != "en"
    colour = "yellow" if a.lost else {"low_risk": "green", "suspicious": "yellow", "high_risk": "red"}[result.verdict]
    lines = [style(a.headline, fg=colour, bold=True)]
    if a.reasons:
        # Under a warning the bullets need no title; under a calm verdict they say "worth a look".
        if result.verdict == "low_risk":
            lines.append(a.reasons_title)
        for reason in a.reasons:
            quotes = "、".join(f"「{q}」" for q in reason.quotes) if zh else ", ".join(f"“{q}”" for q in reason.quotes)
            lines.append(f" · {reason.text}" + ((("：" if zh else ": ") + quotes) if quotes else ""))
    lines += list(a.calm)
    if a.steps:
        lines.append(a.steps_title)
        lines += [f" {n}. {step}" for n, step in enumerate(a.steps, 1)]
    if a.segments:
        lines.append(a.marked_title)
        shown = "".join(style(f"[[{p}]]", fg=colour, bold=True) if m else p for p, m in a.segments).strip()
        lines.append("  " + (shown + a.more).replace("\n", "\n  "))
    return "\n".join(lines) + "\n"


def _detail(text: str, result: CheckResult, lang: str, style) -> str:
    """The full report: every flag, its weight, why and sources; the model; the entities; every institution."""
    zh = lang != "en"
    w = _words(lang)
    L = {key: w(value) for key, value in _LABELS["zh" if zh else "en"].items()}
    sep = "：" if zh else ": "
    colon = "：" if zh else ":"

    def pick(chinese: str, english: str) -> str:
        return w(chinese) if zh else english

    colour = {"low_risk": "green", "suspicious": "yellow", "high_risk": "red"}[result.verdict]
    lines = [
        style(f"{L['verdict']}{sep}{pick(result.verdict_text, result.verdict_text_en)}", fg=colour, bold=True)
        + f"  ({result.verdict}, {L['score']} {result.score:.2f})",
        "",
    ]
    red = [f for f in result.flags if f.weight > 0]
    green = [f for f in result.flags if f.weight < 0]
    lines.append(L["flags"] + colon)
    if not red:
        lines.append("  " + L["no_flags"])
    for n, flag in enumerate(red, 1):
        why = pick(*explanation(flag, result.entities))
        lines.append(style(f" {n}. {pick(flag.title, flag.title_en)}", bold=True) + f"  [{L['weight']} {flag.weight:+.1f}]")
        lines.append(f"    {L['why']}{sep}{why}")
        quotes = _quotes(flag.evidence, 4)
        if quotes:
            lines.append(f"    {L['quote']}{sep}" + "、".join(f"「{q}」" for q in quotes))
        sources = public_sources(flag.source)
        if sources:
            lines.append(f"    {L['sources']}{sep}" + " ".join(sources))
    if green:
        lines.append("")
        lines.append(L["lowering"] + colon)
        for flag in green:
            lines.append(f"  - {pick(flag.title, flag.title_en)}  [{L['weight']} {flag.weight:+.1f}]")
            lines.append(f"    {pick(*explanation(flag, result.entities))}")
    lines.append("")
    if result.model_status.startswith("ok:"):
        lines.append(f"{L['model']}{sep}" + L["model_abstained"])
    elif result.model_status != "ok":
        lines.append(f"{L['model']}{sep}" + L["model_off"].format(why=result.model_status))
    elif result.model_probability is not None:
        line = f"{L['model']}{sep}" + L["model_line"].format(p=result.model_probability)
        cues = [c.term for c in result.model_cues if len(c.term) > 1]
        if cues:
            line += f"；{L['model_cues']}：" if zh else f"; {L['model_cues']}: "
            line += "、".join(cues)
        lines.append(line)
    if red:
        lines += ["", L["marked"] + colon, "  " + _marked(text, result).strip().replace("\n", "\n  ")]
    names = _ENTITY_NAMES["zh" if zh else "en"]
    shown = [e for e in result.entities if e.kind in names]
    if shown:
        lines += ["", L["contains"] + colon]
        for entity in shown:
            note = w(_entity_note(entity, "zh" if zh else "en"))
            suffix = (f"（{note}）" if zh else f" ({note})") if note else ""
            lines.append(f"  - {w(names[entity.kind])}{sep}{visible(entity.text)}{suffix}")
    if result.not_official:
        lines += ["", L["not_official"] + colon]
        lines += [f"  - {pick(zh_text, en)}" for zh_text, en in result.not_official]
    if result.advice:
        lines += ["", L["advice"] + colon]
        for item in result.advice:
            lines.append(f"  • {pick(item.institution, item.institution_en)}{sep}{pick(item.text, item.text_en)}")
    if result.steps:
        lines += ["", L["steps"] + colon]
        lines += [f"  {n}. {pick(s.text, s.text_en)}" for n, s in enumerate(result.steps, 1)]
    reminder = pick(result.reminder, result.reminder_en)
    if reminder:
        lines += ["", style(f"{L['reminder']}{sep}{reminder}", bold=True)]
    return "\n".join(lines) + "\n"


def to_text(text: str, result: CheckResult, lang: str = "zh", style=lambda s, **_: s, detail: bool = False) -> str:
    """The human answer. `style` is click.style on a colour terminal, identity otherwise."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGS)}")
    return _detail(text, result, lang, style) if detail else _short(text, result, lang, style)


REPORT_PLACEHOLDER = {"zh": "发信号码", "zh-Hant": "發信號碼", "en": "SENDER"}


def to_report(text: str, sender: str = "", lang: str = "zh") -> str:
    """The SMS to send to 12321: `number*original message`, the message exactly as received.

    Without the sender's number a placeholder stands first, for the reader to replace.
    """
    return f"{sender.strip() or REPORT_PLACEHOLDER[lang]}*{text}"


def to_json(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
