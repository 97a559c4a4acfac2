"""Stage 8: a result as words for a worried person, in Chinese (default) or English."""

from __future__ import annotations

import json

from .entities import Entity
from .result import CheckResult

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
        "marked": "原文标注（[[ ]] 内为可疑处）",
        "contains": "短信里的内容",
        "advice": "去哪里核实（不要用短信里的号码和链接）",
        "reminder": "提醒",
        "none": "无",
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
        "marked": "The message, marked ([[ ]] = suspicious)",
        "contains": "What the message contains",
        "advice": "Where to verify (never through numbers or links in the message)",
        "reminder": "Reminder",
        "none": "none",
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
        issuer = {"law_firm": "律师事务所（31开头）", "company": "公司（91开头），不是律所"}.get(d.get("issuer"), "其他机构")
        issuer_en = {"law_firm": "law firm (starts 31)", "company": "company (starts 91), not a law firm"}.get(
            d.get("issuer"), "other body"
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


def _marked(text: str, result: CheckResult) -> str:
    spans = sorted({(e.start, e.end) for f in result.flags if f.weight > 0 for e in f.evidence})
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, cursor = [], 0
    for start, end in merged:
        out.append(text[cursor:start])
        out.append(f"[[{text[start:end]}]]")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def to_text(text: str, result: CheckResult, lang: str = "zh", style=lambda s, **_: s) -> str:
    """The human report. `style` is click.style on a colour terminal, identity otherwise."""
    L = _LABELS[lang]
    zh = lang == "zh"
    sep = "：" if zh else ": "
    colour = {"low_risk": "green", "suspicious": "yellow", "high_risk": "red"}[result.verdict]
    verdict_words = result.verdict_text if zh else result.verdict_text_en
    lines = [
        style(f"{L['verdict']}：{verdict_words}" if zh else f"{L['verdict']}: {verdict_words}", fg=colour, bold=True)
        + f"  ({result.verdict}, {L['score']} {result.score:.2f})",
        "",
    ]
    red = [f for f in result.flags if f.weight > 0]
    green = [f for f in result.flags if f.weight < 0]
    lines.append(L["flags"] + ("：" if zh else ":"))
    if not red:
        lines.append("  " + L["no_flags"])
    for n, flag in enumerate(red, 1):
        title = flag.title if zh else flag.title_en
        lines.append(style(f" {n}. {title}", bold=True) + f"  [{L['weight']} {flag.weight:+.1f}]")
        lines.append(f"    {L['why']}{sep}{flag.why if zh else flag.why_en}")
        quotes = "、".join(f"「{e.text}」" for e in flag.evidence[:4])
        lines.append(f"    {L['quote']}{sep}{quotes}")
    if green:
        lines.append("")
        lines.append(L["lowering"] + ("：" if zh else ":"))
        for flag in green:
            lines.append(f"  - {flag.title if zh else flag.title_en}  [{L['weight']} {flag.weight:+.1f}]")
            lines.append(f"    {flag.why if zh else flag.why_en}")
    lines.append("")
    if result.model_status != "ok":
        lines.append(f"{L['model']}{sep}" + L["model_off"].format(why=result.model_status))
    elif result.model_probability is not None:
        line = f"{L['model']}{sep}" + L["model_line"].format(p=result.model_probability)
        if result.model_cues:
            line += f"；{L['model_cues']}：" if zh else f"; {L['model_cues']}: "
            line += "、".join(c.term for c in result.model_cues)
        lines.append(line)
    if red:
        lines += ["", L["marked"] + ("：" if zh else ":"), "  " + _marked(text, result).strip().replace("\n", "\n  ")]
    shown = [e for e in result.entities if e.kind in _ENTITY_NAMES[lang]]
    if shown:
        lines += ["", L["contains"] + ("：" if zh else ":")]
        for entity in shown:
            note = _entity_note(entity, lang)
            suffix = (f"（{note}）" if zh else f" ({note})") if note else ""
            lines.append(f"  - {_ENTITY_NAMES[lang][entity.kind]}{sep}{entity.text}{suffix}")
    if result.advice:
        lines += ["", L["advice"] + ("：" if zh else ":")]
        for item in result.advice:
            lines.append(f"  • {item.institution if zh else item.institution_en}{sep}{item.text if zh else item.text_en}")
    reminder = result.reminder if zh else result.reminder_en
    if reminder:
        lines += ["", style(f"{L['reminder']}：{reminder}" if zh else f"{L['reminder']}: {reminder}", bold=True)]
    return "\n".join(lines) + "\n"


def to_json(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
