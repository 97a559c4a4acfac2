"""Normalisation undoes disguise and keeps every character mapped back to the pasted text."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.stages.normalize import QUOTATION_LENGTH, _t2s_table, normalize, normalize_text, quotation_pairs

CASES = [
    # (pasted, normalised)
    ("律 师 费", "律师费"),
    ("律*师*费", "律师费"),
    ("律\u200b师\u200d函", "律师函"),
    ("律師費 凍結 帳戶", "律师费冻结账户"),
    ("請點選簡訊連結登入", "请点击短信链接登录"),  # Taiwan vocabulary, in a traditional paste
    # Taiwan's everyday wording that OpenCC's phrase table lacks (data/build_tw_phrases.py TAIWAN_USAGE)
    ("請回覆身分證字號", "请回复身份证字号"),
    ("紅利點數明日歸零", "红利积分明日清零"),
    ("已收到您的履歷，請加賴詳談", "已收到您的简历,请加line详谈"),
    ("撥款前請先提領", "放款前请先提现"),
    ("掃描QR碼繳費", "扫描二维码缴费"),
    ("他是老賴，欠錢不還", "他是老赖,欠钱不还"),  # 賴 alone is no LINE: 老賴 is a debtor
    ("我用影片跟你说", "我用影片跟你说"),  # a simplified paste keeps its words
    # Written Cantonese (data/cantonese.toml), in simplified or traditional characters; a Mandarin paste keeps its words.
    ("我换咗新号 旧个电话唔好打啦", "我换了新号旧个电话不要打啦"),
    ("你快啲转两千蚊俾我朋友", "你快点转两千块给我朋友"),
    ("舊嗰個唔好再打，我而家喺醫院", "旧那个不要再打,我现在在医院"),
    ("点解冻链接在哪呢？蚊子好多", "点解冻链接在哪呢?蚊子好多"),
    ("唔该 点解冻链接 蚊子好多", "谢谢点解冻链接蚊子好多"),  # 点解 and 蚊 alone are left as they are, even in Cantonese
    ("転账到戸籍地的口座", "转账到户籍地的口座"),  # Japanese forms: jp2t, and 戸 from the inverse of t2jp
    ("转帐到这个帐号，帐篷另算", "转账到这个账号,帐篷另算"),
    ("请加V信", "请加微信"),
    ("妈 我换号了 妳先帮我转一下", "妈我换号了你先帮我转一下"),  # 妳 reads as 你 in either script (lexicon.json)
    ("加vx：abc123", "加微信:abc123"),
    ("加wxabc12345", "加微信abc12345"),
    ("加我微信wxid_2ueua3z79", "加我微信wxid_2ueua3z79"),  # WeChat's own id prefix, no disguise
    ("加 薇信 聊", "加微信聊"),
    ("zfb转账", "支付宝转账"),
    ("hb逾期了，jb也到期", "花呗逾期了,借呗也到期"),
    # Letters joined by - or _ to the rest of a chat id are the id, not an abbreviation (fp20's fix half).
    ("报名加微信hb-mfp1441", "报名加微信hb-mfp1441"),
    ("加我QQ：jb_k2231", "加我qq:jb_k2231"),
    # ... and so are letters after - or _ (round 24: "lipei_kf2021" became "lipei_客服2021", an id cut in two).
    ("添加微信号lipei_kf2021", "添加微信号lipei_kf2021"),
    ("加我yh-zfb88", "加我yh-zfb88"),
    ("加kf7319", "加客服7319"),
    # round 28: nor the head of an id after 微信 ("kf_qx2291" became "客服_qx2291", and no chat id was read).
    ("加微信kf_qx2291办理", "加微信kf_qx2291办理"),
    ("找我 微信kf-gkd3137", "找我微信kf-gkd3137"),
    # round 35: nor zfb ("zfb-tk09" became "支付宝-tk09", and no chat id was read).
    ("专属客服微信 zfb-tk09", "专属客服微信zfb-tk09"),
    ("zfb的借呗", "支付宝的借呗"),
    ("银行卡已被冻洁", "银行卡已被冻结"),
    ("请联系 0085-2-9618-3740 处理", "请联系0085296183740处理"),
    ("ＡＢＣ１２３", "abc123"),
    ("①②③", "123"),
    ("电话一三八一二三四五六七八", "电话13812345678"),
    # round 40: a confirmed short number said aloud is that number; other numerals stay
    ("可以自己拨打一二三六八核实", "可以自己拨打12368核实"),
    ("再打九六幺幺零问问", "再打96110问问"),
    ("一九九八年第一二三九五名", "一九九八年第一二三九五名"),
    ("壹叁捌壹贰叁肆伍陆柒捌", "13812345678"),
    ("138-1234-5678", "13812345678"),
    ("6222 0212 3456 7890 123", "6222021234567890123"),
    ("2024-12-01 14:00", "2024-12-01 14:00"),
    # hole14: four dotted groups of three digits up to 255 are an IPv4 address, not a phone in groups.
    ("http://133.114.112.215:8080/a", "http://133.114.112.215:8080/a"),
    ("138.123.456.789", "138123456789"),
    ("pay now", "pay now"),
    ("看 t.cn/AhbX", "看t.cn/ahbx"),
    ("我们一二三个人", "我们一二三个人"),
    # round 52 (red team, the genuine side): one numeral glued after a number in digits and before a word is the
    # word's ("一律", "一定"), not the number's last digit; numerals that spell the number's own digits still are.
    ("转到6222021234567894一律是诈骗", "转到6222021234567894一律是诈骗"),  # a card that passes the Luhn check
    ("卡号6222021234567894一定要今天转", "卡号6222021234567894一定要今天转"),
    ("电话13812345678一律打不通", "电话13812345678一律打不通"),
    ("电话138一二三四五六七八转账", "电话13812345678转账"),
    ("开通会员122000一年", "开通会员122000一年"),  # six digits: no long number without the numeral
    ("请拨1381234567八咨询", "请拨13812345678咨询"),  # ten digits and a numeral: the mobile's last digit, spelled
    ("转到621785604412990三元", "转到6217856044129903元"),  # fifteen digits: the card's last digit, spelled
    # One pass does what a second would (the idempotence test below runs on every row):
    ("加V0000一00", "加微信0000100"),  # numerals become digits before the lexicon reads v + digits
    ("律，丨，师", "律师"),  # one separator removed can leave the other kind between two characters
    ("000000一_000", "0000001000"),  # numerals turned digits make a split number's group (hypothesis found it)
    ("薴麻", "苎麻"),  # OpenCC maps 薴 to 苧 and 苧 to 苎: the table is followed to its end
    # Letters and digits spelled apart one at a time with spaces are the link, number or word they spell.
    ("請點 c n - w l . top/x 處理", "请点cn-wl.top/x处理"),
    ("卡號6 2 2 8-4 8 1 0-2 9 3 7-7 7 1 6", "卡号6228481029377716"),
    ("請撥4 0 0 - 6 1 8 - 2 7 3 9", "请拨4006182739"),
    ("卡号6 2 2 2‧0 2 1 8‧7 7 4 3‧1 0 5 9", "卡号6222021877431059"),
    ("先給客戶z h u a n 2萬", "先给客户转2万"),
    ("校园dai未注销", "校园贷未注销"),
    ("请回电00852-2731-6480", "请回电0085227316480"),  # a country code, then the number in groups
    ("请致电(021)61234567处理", "请致电02161234567处理"),  # a landline's area code in brackets (round 57)
    ("请致电（0571）8765-4321", "请致电057187654321"),
    ("会议室(2)12345678号", "会议室(2)12345678号"),  # no area code: left as it was
    ("I am a boy", "i am a boy"),  # single letters that spell nothing stay words apart
    ("请点击 d w z 7 . c c / G J Z 8 登录", "请点击dwz7.cc/gjz8登录"),  # letters and digits mixed, one run
    ("iPhone 1 5 Pro", "iphone 1 5 pro"),  # two characters apart are no run
    # Numerals in groups apart by a dash are one number, as digits in groups are.
    ("请致电四零零—六二八—七零五三", "请致电4006287053"),
    # A link spoken: 点 for its dots, 杠 for a hyphen, 斜杠 for a slash, where the public-suffix list accepts the host.
    ("登记地址 fz-app 点 cc 逾期", "登记地址fz-app.cc逾期"),
    ("请输入 etc 杠 renzheng 点 cc", "请输入etc-renzheng.cc"),
    ("打开 court-gov 点 top 斜杠 7425", "打开court-gov.top/7425"),
    ("请点 etc-rz 点 top 斜杠 a", "请点etc-rz.top/a"),  # 点 the verb before it, 点 the dot inside it
    ("官网 www 點 icbc 點 com 點 cn", "官网www.icbc.com.cn"),
    ("下午3点半，ok点ok", "下午3点半,ok点ok"),  # no host: "ok" is no top-level domain
    ("六点cc开会", "六点cc开会"),  # no ASCII label before 点
    # Round 61 (lexicon.json): homophones of the secret and money words that are no words of their own, 透過 and 身分證 as Taiwan
    # writes them, and the English words of Chinese mixed with English.
    ("请报一下支付秘码和验正码", "请报一下支付密码和验证码"),
    ("请将余额专账至安全帐沪", "请将余额转账至安全账户"),
    ("请透過手機上傳身分證", "请通过手机上传身份证"),
    ("身份正常，财务专账管理", "身份正常,财务专账管理"),  # words of their own stay
    ("请把SMS code和password发给我", "请把验证码和密码发给我"),
    ("请call back，再screen sharing", "请回电,再屏幕共享"),
]


@pytest.mark.parametrize(("pasted", "expected"), CASES)
def test_normalised_form(pasted, expected):
    assert normalize_text(pasted) == expected


@pytest.mark.parametrize(("pasted", "_"), CASES)
def test_normalisation_is_idempotent(pasted, _):
    once = normalize_text(pasted)
    assert normalize_text(once) == once


@pytest.mark.parametrize(("pasted", "_"), CASES)
def test_every_character_maps_into_the_paste(pasted, _):
    norm = normalize(pasted)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for i in range(len(norm.text)):
        start, end = norm.span(i, i + 1)
        assert 0 <= start < end <= len(pasted)


def test_a_keyword_span_quotes_the_disguised_original():
    pasted = "请付 律 師 費５０００元"
    norm = normalize(pasted)
    i = norm.text.index("律师费")
    start, end = norm.span(i, i + 3)
    assert pasted[start:end] == "律 師 費"


# Round 40 (call transcripts): a dialogue's one-character speaker names ("陈：好，谢谢") spell no word apart; the
# same marks between single characters at the head of a paste that is no dialogue still do.
SPEAKERS = [
    ("客服：您好，这里是信用卡中心。\n陈：好，谢谢。\n林：是，怎么了？", [], "陈:好,谢谢"),
    ("九六一一零反诈专线提醒您", [], "96110反诈专线"),
    ("律：师，费请今天交", ["separated_characters"], "律师费"),
    # a spoken hotline turned digits makes normalisation compact again, the lines joined: the names stay names
    ("客服：这里是中国银行，请问是林先生吗？\n林：是，怎么了？\n客服：有疑问请拨打九五五六六。", [], "林:是,怎么了"),
    ("陈：好，谢谢", ["separated_characters"], "陈好谢谢"),
    # round 41: the turns pasted on one line, each after the last one's full stop or a space
    ("甲：喂，是老周吗？ 乙：是我，你哪位？ 甲：我是你表弟。", [], "乙:是我,你哪位"),
    ("妈：钱收到了吗？爸：收到了，五百。", [], "爸:收到了,五百"),
    # one turn's head alone is no dialogue: a mark between single characters still spells a word apart
    ("加：微，信。abc123", ["separated_characters"], "加微信"),
]


@pytest.mark.parametrize(("pasted", "kinds", "kept"), SPEAKERS)
def test_speaker_names_and_spoken_hotlines_are_no_disguise(pasted, kinds, kept):
    norm = normalize(pasted)
    assert [kind for kind, _, _ in norm.disguises] == kinds
    assert kept in norm.text


def test_every_simplified_character_stays_as_it_is():
    # data/build_t2s.py and build_j2s.py follow each character to its end (薴 -> 苎, not 苧), so one
    # pass does what a second would for every character the tables know.
    once = {ch: normalize_text(ch) for ch in map(chr, _t2s_table())}
    assert [ch for ch, out in once.items() if normalize_text(out) != out] == []


def test_empty_text():
    norm = normalize("")
    assert norm.text == "" and norm.span(0, 0) == (0, 0)


def _char_pass_reference(text):
    """Steps 1-4 the plain way, one character at a time, with one (start, end) per output character."""
    from checker.stages.normalize import _emoji_presentation, _is_invisible, _t2s_table

    t2s, out, spans, found = _t2s_table(), [], [], []
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch.lower())
            spans.append((i, i + 1))
            continue
        for sub in unicodedata.normalize("NFKC", ch):
            if _is_invisible(sub):
                if 0 < i < len(text) - 1 and not _emoji_presentation(text, i):
                    found.append(("invisible_character", i, i + 1))
                continue
            for mapped in t2s.get(ord(sub), sub.lower() if sub.isascii() else sub):
                out.append(mapped)
                spans.append((i, i + 1))
    return "".join(out), spans, sorted(set(found))


# Every code point of the planes in use (and the variation selectors), between letters, in slices
# longer than one chunk of the translated pass, so that chunk borders fall inside the text.
_EVERY_CHARACTER = [
    chr(c) for c in [*range(0x30000), *range(0xE0000, 0xE0200)] if not 0xD800 <= c <= 0xDFFF
]


@pytest.mark.parametrize("part", range(4))
def test_the_translated_pass_agrees_with_the_per_character_reference(part):
    from checker.stages.normalize import _CHUNK, _char_pass, _Found

    characters = _EVERY_CHARACTER[part::4]
    text = "".join(f"{ch}律" if i % 3 else f"a{ch}" for i, ch in enumerate(characters))
    assert len(text) > _CHUNK
    found = _Found(len(text))
    out, offsets = _char_pass(text, found)
    expected, spans, expected_found = _char_pass_reference(text)
    assert out == expected
    assert [(offsets.start(i), offsets.end(i)) for i in range(len(out))] == spans
    assert sorted(found.disguises()) == expected_found


_CHAIN_PIECES = ["律", "师", "费", "丨", "、", "，", ":", "*", "😀", "-", "a", "1", " ", "·"]


@pytest.mark.parametrize("name", ["_SPELLED_APART", "_PUNCT_SPELLED"])
@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_CHAIN_PIECES), max_size=60).map("".join),
    st.sampled_from(["", "律、" * 150, "律*" * 150, "律丨" * 200, "律**丨" * 100]),
)
def test_chains_find_what_the_unbounded_pattern_finds(name, noise, run):
    import re

    from checker.stages import normalize as stage

    chain = getattr(stage, name)
    text = noise + run + noise[::-1] + run
    assert list(chain.spans(text)) == [m.span() for m in re.finditer(chain.reference, text)]


def test_plain_characters_map_one_for_one_as_the_table_says():
    """The fast path of steps 1-4 (normalize._char_pass) is exact: every plain character becomes
    one visible character, the one the plain table gives."""
    from checker.stages.normalize import _NOT_PLAIN, _char_out, _plain_table

    table = _plain_table()
    wrong = []
    for code in range(0x10000):
        ch = chr(code)
        if _NOT_PLAIN.match(ch):
            continue
        mapped, hidden = _char_out(ch)
        if hidden or len(mapped) != 1 or table.get(code, ch) != mapped:
            wrong.append(hex(code))
    assert wrong == []


@pytest.mark.parametrize("text", ["【法务中心】您的借呗已逾期，请今日内还款。", "ＡＢＣ１２３「測試」", "律\u200b师费 ⚠️ ﬁ", "x" * 70_000])
def test_plain_fast_path_gives_the_general_answer(monkeypatch, text):
    from checker.stages import normalize as module

    fast = module.normalize(text)
    monkeypatch.setattr(module, "_NOT_PLAIN", module.precompiled("[\\s\\S]"))  # nothing is plain
    general = module.normalize(text)
    assert fast.text == general.text and list(fast.disguises) == list(general.disguises)
    assert [fast.span(i, i + 1) for i in range(len(fast.text))] == [general.span(i, i + 1) for i in range(len(general.text))]


# Pieces that make runs of every kind in the offset map: copied, replaced (numerals, full-width,
# traditional), removed (invisible characters, separators between Chinese characters) and white space.
_GAP_PIECES = ["转", "账", "我", " ", "  ", "\u3000", "\n", "\t", "\u200b", "·", "|", "-", "一", "二", "零", "壹",
               "1", "2", "Ａ", "a", "說", "😀", "\ufe0f", ".", "嗯", "喂", "，"]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_GAP_PIECES), max_size=50).map("".join))
def test_gaps_are_every_gap_before(text):
    """Normalized.gaps() reads only where a gap can be; it finds each place gap_before finds."""
    norm = normalize(text)
    assert norm.gaps() == frozenset(i for i in range(len(norm.text)) if norm.gap_before(i))


@pytest.mark.parametrize(("text", "gaps"), [("我们 需要 核对", 2), ("我们需要核对", 0), ("转\u200b账 到", 1)])
def test_gaps_in_a_spoken_paste(text, gaps):
    assert len(normalize(text).gaps()) == gaps


# quote18: the normaliser drops every quotation mark, each character still mapped to where it was
# pasted, and records the quotations the marks make (their words, on the paste): a mark that splits a
# word splits nothing; the claims read reported speech from the recorded quotations.
@pytest.mark.parametrize(
    ("pasted", "text", "quoted"),
    [
        ("安「全账户」", "安全账户", ["全账户"]),
        ("调解“中心”来电", "调解中心来电", ["中心"]),
        # ＂ is " once NFKC has read it: between two Chinese characters it quotes nothing (below)
        ("『保证金』与＂押金＂", "保证金与押金", ["保证金"]),
        ("『保证金』与＂押金＂。", "保证金与押金。", ["保证金"]),
        ("『保证金』，＂押金＂。", "保证金,押金。", ["保证金", "押金"]),
        ("﹁保证金﹂", "保证金", ["保证金"]),
        # marks that pair with nothing are dropped all the same
        ("支付宝不”会通“过", "支付宝不会通过", []),
        # a quotation inside a quotation: a warning quotes a scam that quotes ("…“安全账户”…")
        ("骗子会说“请转到“安全账户”里”", "骗子会说请转到安全账户里", ["请转到“安全账户”里", "安全账户"]),
        ("有人说“加群领福利”“私下转账更「便宜」”", "有人说加群领福利私下转账更便宜", ["加群领福利", "私下转账更「便宜」", "便宜"]),
        # " between two Chinese characters separates them (律"师"费), as step 5 reads it: it quotes nothing
        ('律"师"费', "律师费", []),
        ('对方说："请转账"。', "对方说:请转账。", ["请转账"]),
        # " is the same at both ends: it pairs with the one right before it, no other mark between (张"8
        # and 交"2 do not pair over “去网点”; 以"办 separates two Chinese characters)
        ('可以"办一张"80000的卡，不用“去网点”，又让我交"2000', "可以办一张80000的卡,不用去网点,又让我交2000", ["去网点"]),
        ('交"200"，不用“去网点”，再交"300"', "交200,不用去网点,再交300", ["200", "去网点", "300"]),
        # a quotation stays on its line
        ("我：“要交解冻费吗\n客服：”不用", "我:要交解冻费吗客服:不用", []),
        # the words a mark split are read whole by every later step: 律「*师」费, V「信」
        ("律「*师」费", "律师费", ["*师"]),
        ("加V「信」", "加微信", ["信"]),
    ],
)
def test_quote18_marks_dropped_quotations_recorded_on_the_paste(pasted, text, quoted):
    norm = normalize(pasted)
    assert norm.text == text
    assert sorted(pasted[a:b] for a, b in norm.quotations) == sorted(quoted)
    for i in range(len(norm.text)):
        assert norm.offsets.start(i) < norm.offsets.end(i) <= len(pasted)


@pytest.mark.parametrize(
    ("pasted", "placed"),
    [
        ("安「全账户」", ["全账户"]),
        ("骗子会说“请转到“安全账户”里”", ["请转到安全账户里", "安全账户"]),
        ("『保证金』，＂押金＂。", ["保证金", "押金"]),
    ],
)
def test_quote18_quotations_placed_on_the_normalised_text(pasted, placed):
    norm = normalize(pasted)
    assert [norm.text[s:e] for s, e in norm.quotation_spans()] == placed
    # and back onto the paste: the quoted words as pasted, inner marks and all
    assert [pasted[slice(*norm.span(s, e))] for s, e in norm.quotation_spans()] == [pasted[a:b] for a, b in norm.quotations]


@pytest.mark.parametrize("pasted", ["安「全账户」", "调解“中心”来电", "『保证金』与＂押金＂", "骗子会说“请转到“安全账户”里”"])
def test_quote18_offsets_stay_exact(pasted):
    norm = normalize(pasted)
    for i, ch in enumerate(norm.text):
        assert pasted[norm.offsets.start(i) : norm.offsets.end(i)] == ch


def test_quote18_no_quotation_marks_nothing_recorded():
    norm = normalize("安全账户，请勿转账")
    assert norm.quotations == () and norm.quotation_spans() == []


def test_quote18_quotations_hold_at_most_quotation_length_characters():
    # Long enough for a whole scam SMS a warning quotes ("如收到“…”请直接删除"); marks further apart quote nothing.
    assert QUOTATION_LENGTH == 150
    assert normalize("“" + "长" * (QUOTATION_LENGTH + 1) + "”").quotations == ()
    assert len(normalize("“" + "长" * QUOTATION_LENGTH + "”").quotations) == 1


def test_quote18_pairing_stays_linear_on_a_paste_of_marks():
    # A closing mark looks back only over the last few left open.
    assert quotation_pairs("“" * 200_000 + "」" * 200_000) == []
    assert quotation_pairs("“a”" * 1000) == [(3 * k, 3 * k + 2) for k in range(1000)]


def test_opener_ends_kept_for_the_last_message_only_answer_as_read_afresh():
    """normalize.opener_ends keeps the last message's answer (speed17), keyed by hashes and lengths: for
    messages in turn, the same text with and without a space of the paste, and a text that only its
    spaces tell apart, each answer is the one read afresh."""
    from checker.stages import normalize as n

    texts = ["您好 亲爱的，我是你领导", "您好亲爱的，我是你领导", "请放心办理。喂，爸 新号", "您好，喂，爸 …", "无开场白的消息", "您好，喂，爸 …"]
    for text in texts * 2:
        norm = normalize(text)
        assert n.opener_ends(norm) == n._opener_ends(norm), text
        assert n.opener_ends(norm) == n._opener_ends(norm), text  # from the kept answer


# What a phone shows above a message (normalize._paste_header_end): the message starts after it, as after an
# opener; a word that only begins like a header ("信息提醒", "短信验证码") or a sum ("3000元") is no header.
PASTE_HEADER_CASES = [
    ("95588 【催收通知】您的信用卡已逾期", "【催收通知】您的信用卡已逾期"),
    ("106575170001：妈，手机坏了", "妈，手机坏了"),
    ("短信 10:21\n妈，手机坏了", "妈，手机坏了"),
    ("[2026-11-30 10:21] 妈，手机坏了", "妈，手机坏了"),
    ("12月1日 09:15 您好 宝贝", "您好宝贝"),
    ("信息提醒：您的快递已到", None),
    ("短信验证码：123456", None),
    ("3000元已到账", None),
    ("95588", None),
]


@pytest.mark.parametrize(("text", "rest"), PASTE_HEADER_CASES)
def test_a_paste_header_is_set_aside_as_an_opener(text, rest):
    from checker.stages import normalize as n

    norm = normalize(text)
    end = n._paste_header_end(norm)
    if rest is None:
        assert end == 0
    else:
        assert norm.text[end:] == normalize(rest).text and end in n.opener_ends(norm)


# Texts whose maps have every kind of run: copied, replaced (full width, numerals spelled out),
# dropped (spaces, invisible characters, separators inside words, quotation marks).
MAPPED = [
    "【法务中心】您的借呗已逾期，请转账到6222021234567890123",
    "a b c  d\u200b e 四零零—六二八—七零五三 “x” 「引」 ‘y’",
    "ｆｕｌｌ　ｗｉｄｔｈ “quote” 转 账 给 我 V❤ 加 微 信",
    "“我”被骗了，" * 20,
    "",
]


@pytest.mark.parametrize("text", MAPPED)
def test_the_first_character_at_a_pasted_offset_is_the_bisection_of_the_starts(text):
    from bisect import bisect_left

    norm = normalize(text)
    for pasted in range(len(text) + 2):
        assert norm.offsets.first_at_or_after(pasted) == bisect_left(norm.starts, pasted), pasted


def test_the_cantonese_table_reads_as_step_4_leaves_a_paste():
    from checker.stages.normalize import _cantonese

    marks, _, table = _cantonese()
    assert marks and table
    # Each key as step 4 leaves it (no character it turns into a simplified one), so that it can match at all.
    assert all(_t2s_table().keys().isdisjoint(map(ord, key)) for key in table)
