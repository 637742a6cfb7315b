"""The deal's stage (negotiating, signed, in production, in a dispute), read from the asker's words in any of the
four languages: a problem already live gets advice for where the deal is, not drafting-stage advice."""

from __future__ import annotations

import re

# The deal's stage, most advanced first; a dispute *clause* being drafted (「紛争解決条項」) is no dispute.
_STAGES = [
    ("dispute", re.compile(r"\b(disputes?(?![- ](?:resolution|clause))|breach\w*|sue|suing|lawsuit|litigation|"
                           r"terminat\w+|demand letter|cease and desist|lawyer'?s letter|withh[oe]ld\w*|"
                           r"refus\w+ to pay|stopped paying|legal action)\b|紛争(?!解決)|訴訟|契約違反|"
                           r"違反の通知|内容証明|弁護士名義|분쟁(?! ?해결|이 생기면)|소송|계약 위반|위반 통지|내용증명|"
                           r"纠纷|诉讼|违约|律师函|打官司|起诉|拖欠", re.I)),
    ("production", re.compile(r"\b(in production|on set|shooting|the shoot|principal photography|in post\b|"
                              r"post-?production|picture lock|delivery (?:date|deadline)|mid-?shoot|dailies|"
                              r"rough cut|reshoots?|in the edit|we wrapped|"
                              r"weeks? (?:from|before|until|to) (?:lock|delivery|release|premiere|air))|撮影中|制作中|"
                              r"撮影が始ま|撮影開始|クランクイン|ピクチャーロック|編集中|アフレコ|ポスプロ|"
                              r"納品|촬영 중|촬영이 시작|크랭크인|편집 중|후반 ?작업|납품|拍摄中|已经开机|开机后|"
                              r"开机了|开拍|剪辑中|后期|交付|"
                              # the shoot under way: 「撮影が二週間遅れ」, 「촬영이 밀렸」, 「进度已经落后」
                              r"撮影が[^。、]{0,8}(?:遅れ|押し|止ま|中断)(?!た場合|たら|る場合|ると)|撮影の途中|ロケ中|現場が混乱|"
                              r"촬영이 [^.,]{0,8}(?:밀렸|밀려|지연됐|지연되고|늦어졌|늦어지고|중단)|촬영 현장|현장에서|"
                              r"크랭크업|"
                              r"拍摄(?:进度|期间|现场)|进度[^，。]{0,4}落后|剧组|开机以后|杀青",
                              re.I)),
    ("signed", re.compile(r"\b(?:we|they)(?: have| had|'ve)?(?: already| just)? signed\b|\bsigned (?:the|a|our)\s+"
                          r"(?:\w+\s+)?(?:deal|contract|agreement)|\b(?:after|since) signing\b|"
                          r"\bthe signed (?:deal|contract|agreement)|"
                          r"\b(?:contract|deal|agreement) is (?:signed|done)\b|\bdeal (?:closed|is closed)\b|"
                          r"契約済|締結済|契約した|署名した|サインした|契約を(?:結ん|交わし)|契約後|"
                          r"계약했|서명했|서명한|서명 후|계약 후|계약(?:을|도) 했|이미 계약|계약을 맺|"
                          r"已签|签了|签约后|签约了|合同签|계약한 뒤|서명한 지|이미 사인", re.I)),
    ("negotiating", re.compile(r"\b(negotiat\w+|term sheet|drafting|draft (?:contract|agreement)|before (?:we )?"
                               r"sign(?:ing)?|deal memo|first meeting|pitch\w*|proposal)\b|交渉|契約前|협상|계약 전|"
                               r"피칭|谈判|签约前|打診|提案があり|협의 중|논의 중|계약 중|첫 미팅|还没签|谈合同|"
                               r"谈条件|在谈|初回の(?:会議|打ち合わせ)|第一次见面|一上来", re.I)),
]


def detect_stage(text: str) -> str | None:
    """negotiating, signed, production or dispute: the most advanced stage the message mentions."""
    return next((name for name, pattern in _STAGES if pattern.search(text)), None)
