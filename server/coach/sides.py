"""Whose side a named speaker is on: the asker's own (my boss, 「社内」, 「저희」, 「领导」) or the partner's
(their producer, 「先方」, 「미국 측」, 「美方」). Shared by coach/speaker.py and coach/wording.py."""

from __future__ import annotations

import re

# The asker's own side: the asker's company, colleagues and bosses. A title with no company before it, opening its
# clause, is the asker's own boss (「社長が「…」」, 「领导说」); after a company it is theirs (「制作部長」,
# 「对方老板」). Possessives used as objects ("told our team", 「저희에게」, 「对我们」) name no speaker.
PARTNER_NOUNS = (r"partners?|co-?producers?|counterparts?|licensors?|licensees?|distributors?|buyers?|financiers?|"
                 r"investors?|committee|broadcasters?|networks?|streamers?|platforms?|contacts?|japanese|korean|"
                 r"chinese|american|us|u\.s\.|asian|"
                 r"tokyo|osaka|kyoto|seoul|busan|beijing|shanghai|shenzhen|hangzhou|la|hollywood")  # our Osaka studio
# an English speaker is a person or group ("our head of business affairs"); "our proposal" is no one
_OWN_ROLES = (r"boss|manager|ceo|cfo|coo|cto|president|chair\w*|head|lead|vp|evp|svp|ep|exec\w*|producers?|director|"
              r"showrunner|writers?|lawyers?|counsel|attorneys?|legal|accountants?|finance|business affairs|team|"
              r"colleagues?|people|side|company|studio|board|owner|founder|agent|coordinator|pm|assistant|guy|folks|"
              r"department|office|firm|end|gm|general manager|md|managing director")
OWN = re.compile(r"\b(?:my|our)\s+(?:own\s+)?(?!(?:[\w-]+\s+){0,2}?(?:" + PARTNER_NOUNS + r")\b)"
                 r"(?![\w-]+\s+(?:at|from)\s)(?:[\w-]+\s+){0,2}?(?:co-)?(?:" + _OWN_ROLES + r")\b|"
                 r"\binternally\b|\bin-house\b|"  # "our friends at CJ" are theirs
                 r"社内|(?<!の)上司|うちの|うちで|うちは|弊社|当社|自社|我が社|(?<!の)同僚|"
                 r"(?:^|(?<=[。、\n]))\s*(?:社長|副社長|部長|課長|室長|役員|専務|常務|会長|経理|法務|財務)|"
                 r"(?:저희|우리)(?:\s*(?:회사|팀|쪽|측))?(?!\s*(?:에게|한테|께(?!서)|를|을))|사내|회사 내부|내부 회의|"
                 r"(?:^|(?<=[.,\n]))\s*(?:재무팀|법무팀)|"
                 r"同事|(?:^|(?<=[。，,！？：:\n]))\s*(?:我们|我方|我司|本公司|领导|老板|上司|总经理|董事长|总监|"
                 r"财务|法务|公司)", re.I)
THEIR_SIDE = re.compile(rf"\b(?:their|they|them|{PARTNER_NOUNS}|studio|side)\b|\b\w+-(?:san|ssi)\b|"
                        r"先方|相手|米国側|アメリカ側|米側|日本側|向こう|委員会|幹事会社|制作会社|配給|スタジオ|"
                        r"スポンサー|パートナー|担当者|窓口|様|さん|"
                        r"측|쪽|상대|파트너|투자사|제작사|방송사|배급사|스튜디오|미국|중국|일본|"
                        r"对方|美方|中方|片方|合作方|平台方|投资方|发行方|外方|日方|韩方|他们|美国", re.I)

SENTENCE_END = re.compile(r"[。！？!?\n]|\.\s")

# the partner named after a Chinese verb of saying, as the one it is said to: 「我回复美方“…”」, 「回对方一句」
ZH_PARTNERS = r"美方|对方|中方|日方|韩方|外方|片方|合作方|投资方|发行方|平台方|他们"

# a meeting or call named is where, not who: 「미국 투자사 미팅에서 "…"라고 하면」, 「미국 쪽 회의에서」
KO_WHERE = re.compile(r"(?:미팅|회의|자리|통화|전화|메일|콜|행사|현장)에서\s*$")
