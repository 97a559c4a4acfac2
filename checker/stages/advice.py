"""Stage 6: where to verify, for the institution the message claims to come from or speaks for.

Only numbers confirmed in domain.md appear here, and they come from data/institutions.toml and
data/reference.toml, never from the message: advice is built without reading a single digit of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import Entity, institutions

# Which institutions a rule implies even when the message does not name one.
_IMPLIED_BY_RULE = {
    "authority_impersonation": "police",
    "arrest_threat": "police",
    "secrecy_demand": "police",
    "debt_relief_offer": "credit_bureau",
    "fake_antifraud_notice": "antifraud",
    "court_claim_without_case_number": "court",
    "genuine_court_format": "court",
    "legal_sender_without_details": "law_firm",
    "pseudo_law_firm": "law_firm",
    "lawful_letter_details": "law_firm",
}
_MONEY_OR_LEGAL = re.compile(
    r"欠|逾期|还款|借款|贷|债|账单|转账|汇款|付款|打款|缴|支付|律师|法院|起诉|立案|诉讼|法务|征信|冻结|账户|"
    r"额度|资金|保证金|\d+元|¥|花呗|借呗|白条|金条|信用卡|催收|罚款|费|案件|立案|涉嫌|洗钱|传票|执行"
)

ANTIFRAUD = (
    "拿不准时，可拨打 96110（公安反诈预警劝阻专线）咨询。",
    "If unsure, call 96110, the police anti-fraud advice line.",
)
ALREADY_PAID = (
    "如果已经付款或泄露了验证码、密码，立即拨打 110 报警，并联系自己的银行。",
    "If you have already paid or shared a code or password, call 110 now and contact your bank.",
)
REMINDER = (
    "付款前先核实：自己打开官方App，或拨打确认过的官方号码；不要向短信里给出的账户、链接或号码付款；律师函不是法院判决。",
    "Verify before you pay: open the official app yourself or call a confirmed official number; never pay into an "
    "account, link or number given in a message; a lawyer's letter is not a court judgment.",
)


@dataclass(frozen=True, slots=True)
class Advice:
    """Where to verify: an institution's official channel, or a general line (96110, 110)."""

    id: str
    institution: str
    institution_en: str
    text: str
    text_en: str

    def to_dict(self) -> dict:
        """Plain data: id, institution, institution_en, text, text_en."""
        return {
            "id": self.id,
            "institution": self.institution,
            "institution_en": self.institution_en,
            "text": self.text,
            "text_en": self.text_en,
        }


def speaks_of_money_or_law(normalized_text: str) -> bool:
    return bool(_MONEY_OR_LEGAL.search(normalized_text))


def advise(entities: tuple[Entity, ...], flag_ids: list[str], money_or_legal: bool) -> tuple[Advice, ...]:
    """Advice for each institution claimed (in order of appearance), then the general lines."""
    by_id = {inst.id: inst for inst in institutions()}
    named = [e.value for e in entities if e.kind == "institution"]
    implied = [_IMPLIED_BY_RULE[f] for f in flag_ids if f in _IMPLIED_BY_RULE]
    # The creditor's own app comes first: it answers whether the debt exists at all.
    creditors = [i for i in named if by_id[i].creditor]
    wanted = [by_id[i] for i in dict.fromkeys(creditors + [i for i in named + implied if not by_id[i].creditor])]
    # A named bank or lender makes the generic entry for its group redundant.
    specific = {inst.creditor for inst in wanted if inst.creditor and not inst.generic}
    out: list[Advice] = []
    for inst in wanted:
        if inst.generic and inst.creditor in specific:
            continue
        out.append(Advice(inst.id, inst.name, inst.name_en, inst.advice, inst.advice_en))
    if money_or_legal or flag_ids:
        out.append(Advice("antifraud_96110", "96110", "96110", *ANTIFRAUD))
    if money_or_legal:
        out.append(Advice("already_paid_110", "110", "110", *ALREADY_PAID))
    return tuple(out)


def reminder(money_or_legal: bool) -> tuple[str, str]:
    return REMINDER if money_or_legal else ("", "")
