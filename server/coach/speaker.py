"""Who said quoted or reported words in a message: the asker, the asker's own side (a boss, a colleague, the own
company), or the partner. Only the partner's words are decoded (see coach/understand.py and coach/decode.py)."""

from __future__ import annotations

import re

# The asker's own side: the asker's company, colleagues and bosses. A title with no company before it, opening its
# clause, is the asker's own boss (「社長が「…」」, 「领导说」); after a company it is theirs (「制作部長」,
# 「对方老板」). Possessives used as objects ("told our team", 「저희에게」, 「对我们」) name no speaker.
_PARTNER_NOUNS = (r"partners?|co-?producers?|counterparts?|licensors?|licensees?|distributors?|buyers?|financiers?|"
                  r"investors?|committee|broadcasters?|networks?|streamers?|platforms?|contacts?|japanese|korean|"
                  r"chinese|american|us|u\.s\.|asian|"
                  r"tokyo|osaka|kyoto|seoul|busan|beijing|shanghai|shenzhen|hangzhou|la|hollywood")  # our Osaka studio
# an English speaker is a person or group ("our head of business affairs"); "our proposal" is no one
_OWN_ROLES = (r"boss|manager|ceo|cfo|coo|cto|president|chair\w*|head|lead|vp|evp|svp|ep|exec\w*|producers?|director|"
              r"showrunner|writers?|lawyers?|counsel|attorneys?|legal|accountants?|finance|business affairs|team|"
              r"colleagues?|people|side|company|studio|board|owner|founder|agent|coordinator|pm|assistant|guy|folks|"
              r"department|office|firm|end")
_OWN = re.compile(r"\b(?:my|our)\s+(?:own\s+)?(?!(?:[\w-]+\s+){0,2}?(?:" + _PARTNER_NOUNS + r")\b)"
                  r"(?![\w-]+\s+(?:at|from)\s)(?:[\w-]+\s+){0,2}?(?:co-)?(?:" + _OWN_ROLES + r")\b|"
                  r"\binternally\b|\bin-house\b|"  # "our friends at CJ" are theirs
                  r"社内|(?<!の)上司|うちの|うちで|うちは|弊社|当社|自社|我が社|(?<!の)同僚|"
                  r"(?:^|(?<=[。、\n]))\s*(?:社長|副社長|部長|課長|室長|役員|専務|常務|会長|経理|法務|財務)|"
                  r"(?:저희|우리)(?:\s*(?:회사|팀|쪽|측))?(?!\s*(?:에게|한테|께(?!서)|를|을))|사내|회사 내부|내부 회의|"
                  r"(?:^|(?<=[.,\n]))\s*(?:재무팀|법무팀)|"
                  r"同事|(?:^|(?<=[。，,！？：:\n]))\s*(?:我们|我方|我司|本公司|领导|老板|上司|总经理|董事长|总监|"
                  r"财务|法务|公司)", re.I)
_THEIR_SIDE = re.compile(rf"\b(?:their|they|them|{_PARTNER_NOUNS}|studio|side)\b|\b\w+-(?:san|ssi)\b|"
                         r"先方|相手|米国側|アメリカ側|米側|日本側|向こう|委員会|幹事会社|制作会社|配給|スタジオ|"
                         r"スポンサー|パートナー|担当者|窓口|様|さん|"
                         r"측|쪽|상대|파트너|투자사|제작사|방송사|배급사|스튜디오|미국|중국|일본|"
                         r"对方|美方|中方|片方|合作方|平台方|投资方|发行方|外方|日方|韩方|他们|美国", re.I)
# 「…」と上司に言われた (the own side), 「…」と先方に (the partner's): the one it names right after the words
_AGENT_AFTER = re.compile(r"[」』”\"']?\s*(?:と|って|という|との)\s*(?:(社内|上司|うちの\S{0,6}?|弊社の\S{0,6}?|"
                          r"社長|部長|課長|経理|法務|同僚)|先方|相手|米国側|アメリカ側|向こう)(?:に|から|が|で|は)")
# A reported Japanese or Korean line that opens with its own-side speaker: 「저희 PD가 일단 …」, 「社内では …」
_OWN_SUBJECT = re.compile(r"\s*(?:저희|우리|사내|社内|上司|うちの|弊社|当社)[^、。.,\n\"“「]{0,10}?"
                          r"(?:께서|이|가|은|는|에서|では|から|が|は)(?=\s|[^\s])")
_OBJECT_BEFORE = re.compile(r"\b(?:to|on|with|about|for|of|in|at|during|after|before|from|by|into|than|against|"
                            r"over)\s+(?:[\w'-]+\s+){0,2}$", re.I)  # "replied to our notes", "at our meeting"
_MEMBERS = re.compile(r"\b(?:everyone|everybody|someone|somebody|people|nobody|anyone|all|one|some|most)\s+"
                      r"(?:of|in|at|on|from)\s+$", re.I)  # "everyone in our finance team" speaks for it
_KO_WORD = re.compile(r"[^\s\"“”'「」.,]+")
_KO_SUBJECT, _KO_OBJECT = ("이", "가", "께서", "은", "는", "에서"), ("을", "를", "에게", "한테")
_OWN_PLACE = re.compile(r"\b(?:company|studio|side|team|end|office|firm)$", re.I)  # "the producer at our company"
_KO_LETS = re.compile(r"(?:보|하|해|가|두|내|주|맞추|미루|기다리)자[\"”'」.!]?\s*$")  # rude to a partner
_KO_TITLE = re.compile(r"(?:^|(?<=[.,\n]))\s*(대표|사장|회장|팀장|본부장|실장|부장|이사|상무|전무)님")
# A message that names the partner apart from a bare title (「미국 측에는 뭐라고 하죠?」) is the Korean side's: the
# title is the asker's boss, unless the partner's own title is named too (「미국 측 대표님과 미팅했는데, 대표님이」).
_KO_PARTY = re.compile(r"미국|중국|일본|상대\s*(?:측|쪽|방)|그쪽|파트너|스튜디오|투자사|배급사|방송사|제작사")
_KO_POLITE = re.compile(r"(?:니다|니까|요|죠)[\s\"”'」.!?…]*$")
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.\s")

# the partner named after a Chinese verb of saying, as the one it is said to: 「我回复美方“…”」, 「回对方一句」
_ZH_PARTNERS = r"美方|对方|中方|日方|韩方|外方|片方|合作方|投资方|发行方|平台方|他们"
# who said the quote: the asker ("I replied", 「제가」, 「我跟美方说了」) just before it, or a reply verb after it
# (「と返事して」, 「라고 답했」) with the partner as the one it was said TO (「先方に」, 「미국 측에」, 「跟美方」)
_ASKER_SAID_BEFORE = re.compile(r"(?:\b(?:I|we)(?:'ve|'d| have| had)?\s+(?:(?:just|already)\s+)?"
                                r"(?:said|replied|answered|responded|"
                                r"wrote(?:\s+back)?|told\s+\w+(?:\s+\w+)?)(?:\s+(?:to\s+)?\w+(?:'s)?(?:\s+\w+){0,3})?"
                                r"\s*:?\s*|(?:제가|저희가|저는|저희는)[^\"“'「]{0,25}|"
                                r"(?<![对跟给向诉复答问])我(?:们)?(?:跟|对|给|向)?[^\"“「]{0,10}(?:说了?|回复了?|答复了?|回了|答应了?|"
                                r"承诺了?|(?:回复)?草稿)(?:" + _ZH_PARTNERS + r")?(?:一句|一声|句)?\s*[:：]?\s*|"
                                r"(?<![对跟给向诉复答问])我们?(?:自己)?写(?:了|的是)[^\"“「]{0,8}?[:：]?\s*)"
                                r"[\"“'「『]?$", re.I)
# the asker's own message: "My response was '…'", "Our reply to their notes was "…"", "My first email said "…""
_OWN_WORDS = re.compile(r"\b(?:my|our)\s+(?:[\w-]+\s+)?(?:reply|response|answer|e-?mail|message|text|note|line|wording|"
                        r"draft|letter)s?\b[^.!?\"“'\n]{0,40}?\b(?:was|is|said|says|read|reads)\s*:?\s*[\"“']?$|"
                        r"(?<!their )(?<!'s )\b(?:draft|planned|proposed)\s+(?:opener|opening|reply|response|line|"
                        r"wording|answer|e-?mail|message|close|closing)\b[^.!?\"“'\n]{0,40}?[-–—:,]?\s*[\"“']?$", re.I)
_ASKER_SPEAKS = re.compile(r"\b(?:I|we)(?:'ve|'d|'ll| have| had)?\s+(?:(?:just|already|also|even)\s+)?\S?$|"
                           r"(?<![对跟给向诉复答问])我们?(?:跟|对|给|向)?\S{0,4}$", re.I)
_ASKER_SAID_AFTER = re.compile(r"[\"”'」』]?\s*(?:と(?:返事|返信|回答|答え|伝え|言って|言い)"
                               r"(?!られ|が|を?(?:いただ|もら|頂))|"
                               r"(?:이)?라고\s*(?:답|말|회신|했))")
_ASKER_SAID_TO = re.compile(r"(?:先方|相手|アメリカ側|米国側|パートナー)に|"
                            r"(?:미국\s*측|상대|파트너)(?:에게|한테|에)\s*$|에게\s*$|제가|저희가")
# What the asker will say, would say or keeps saying: "should I open with '…'", "a polite way to say '…'", "I keep
# saying '…'", 「要不要说“…”」 (a clause that opens with the modal: 「如果董事长也只说“…”」 is the chairman's) before
# the words; 「…」と伝えてもいい, 「…と言ってしまった」, "…"라고 답해도 되나요 after them. "How do I respond to '…'" is
# about the partner's words: the words between verb and quote name no "to".
_WILL_SAY_BEFORE = re.compile(
    r"(?:\b(?:I|we)(?:'ll|'d|'m|'re|'ve| are| will| would| should| could| can| might| am)?\s+(?:[\w']+\s+){0,2}?|"
    r"\b(?:how|way|want|wants|going|need|plan|planning|like|try|trying|better|ok|okay|fine|rude|polite|safe|wise)"
    r"\s+to\s+|\b(?:thinking (?:of|about)|planning on|considering|tempted to|about to)\s+|"
    r"\bhow (?:would|do|should|can|could) (?:you|one) |\b(?:of|about) (?:just )?(?=\w+ing\b))"
    r"(?:say|saying|tell|telling|write|writing|text|use|using|put|phrase|word|go with|"
    r"(?:open|start|end|close|finish|lead|reply|respond|answer|sign off)(?:ing|s)?(?:\s+(?:my|our|the)\s+[\w-]+)? with|"
    r"repl(?:y|ying)|respond(?:ing)?|answering|"
    r"writ(?:e|ing) back)"
    r"(?:\s+(?!(?:to|about|after|when|if|that|was|is)\b)[\w'-]+){0,4}?\s*[:,]?\s*[\"“']?$|"
    r"(?:^|[，。！？,\s])(?:我们?|咱们?)?(?:也|就|还|先)?(?:想|要|能|可以|应该|该|打算|准备|不如|直接|先|怎么|会不会|"
    r"如果我们?|要是我们?)(?:跟|对|给|向)?[^“\"「'，。]{0,8}?"
    r"(?:说|回|回复|答复|表示|讲|写|用)(?:" + _ZH_PARTNERS + r")?(?:一句|一声|句)?\s*[:：]?\s*[\"“「']?$|"
    r"(?:给|跟|对|向)(?:" + _ZH_PARTNERS + r")的?(?:邮件|回复|回信|信|消息|微信)(?:里|中)?(?:写|说|回|用)了?"
    r"\s*[:：]?\s*[\"“「']?$|"
    r"(?:^|[，。！？\s])(?:回|回复|答复|告诉)[^“\"「'，。]{0,4}?(?:一句|一声|句)?\s*[\"“「']?$", re.I)
_WILL_SAY_AFTER = re.compile(
    r"[」』”\"']?\s*(?:(?:と|って)(?:だけ|は|も)?\s*(?:[^\s、。「」]{0,8}?に)?\s*(?:つい|いつも|よく|すぐ|思わず|うっかり)?"
    r"\s*(?:(?:お?伝え|お?返事|返信|回答|お?答え|説明|"
    r"連絡)し?|言っ|言い|言え|言わ|返し|返さ|書い|書か|送っ|申し上げ)(?:ても|たら|るべき|べき|れば|ば|よう|たい|ておけ|"
    r"ておく|ておい|ていい|て大丈夫|てしま|ちゃ|るつもり|つもり|ましょう|てみ|ない方|ないほう|ず|て[^、。「」]{0,8}?(?:送|返|出)(?:ろう|そう|す|る|り|っ))|"
    r"(?:と|って)(?:だけ|は|も)?\s*(?:伝える|返す|答える|書く|送る|言う)(?:のは|のが|べき|つもり|と|か|だけ)|"
    r"(?:で|と)(?:始め|締め|結ぼ|結び|結ん|返し|返そ|答え|終わら|終え|(?:返信|返事|回答)し)(?:たい|よう|ても|たら|るのは|るべき|"
    r"るつもり)|"
    # the phrase as one the asker uses: 「…」という表現を使っても, 「…」を多用して, "…"라는 표현을 써도,
    # “…”这个说法可以用
    r"(?:という|って)?(?:表現|言い方|言葉|フレーズ)?を\s*(?:使|多用|連発|使っ)|"
    r"(?:이)?라는\s*(?:표현|말)(?:을|를)?\s*(?:써|쓰|사용)|这个?(?:说法|词|表达)[^，。？?]{0,8}用|"
    r"を\s*(?:お?伝え|申し上げ|連絡し)(?:る|たい|よう|ても|たら|ます|るべき)|"  # 「「見送り」を伝えるメール」
    r"(?:と|って)(?:だけ|は|も)?\s*(?:[^\s、。「」]{0,8}?に)?\s*(?:返そ|言お|書こ|送ろ|伝えよ|答えよ|(?:お?返事|返信|回答)しよ)う|"
    r"(?:이)?라고(?:만|도)?\s*(?:\S+(?:에게|한테|께)\s*)?(?:답|말|전|대답|회신|답장|얘기|이야기|말씀|"
    r"써|보내)?\S{0,2}?(?:해도|하면|할까|해야|하려|할지|하고 싶|할 생각|해 버|해버|했다가|드려도|드리면|드릴까|"
    r"드려야|드리려|해 볼까|하는 게)|"
    r"(?:이)?라고(?:만|도)?\s*(?:\S+(?:에게|한테|께)\s*)?(?:보낼|쓸|할|답할|말할|전할|회신할|답장할)\s*"
    r"(?:예정|생각|계획|거|건데)|"
    r"(?:이)?라고(?:만|도)?\s*(?:쓰|적|보내)(?:면|려|고 싶|는 게|도)|"
    r"(?:을|를)\s*(?:쓰|써|사용하|보내)(?:는 게|면|도|려)|(?:이)?라고(?:만|도)?\s*(?:써|적어)(?:도|야)|"
    r"(?:으)?로\s*(?:답장|회신|답변|대답|답|시작|마무리)?\s*(?:하면|해도|할까|하려|할지|보내면|보낼까|쓰면)|"
    r"\s*(?:한\s*마디로|한\s*줄로|만으로)?\s*(?:끝내|마무리하|넘어가)(?:면|도|려)|"
    r"(?:这种|这句|这个|这类)?(?:话|说法|表达|词)?\s*(?:对|跟|给|向)(?:" + _ZH_PARTNERS + r"|美国人|外国人|老外|外方)"
    r"(?:说|讲|用)|"
    # English, after the words: "'…' OK to use with them?", "'…' too casual for a reply?"
    r"\s+(?:is\s+|would be\s+)?(?:ok|okay|fine|safe|appropriate|acceptable|too \w+)\s+(?:to (?:use|say|write|send|"
    r"open with|end with)|for (?:an? |the |my )?(?:e-?mail|reply|opener|opening|sign-?off|subject)))", re.I)
# Someone named right before the words is their speaker (「米国側が「…」と言ったら」, 「미국 측이 "…"라고 하면」):
# unless it is the asker, the words are that speaker's, not the asker's plan.
_SUBJECT_BEFORE = re.compile(r"(?:^|[\s、，,])([^\s、，,。.「」\"“]{1,14}?)(?:が|は|から|も|이|가|께서|은|는|에서)\s*$")
_FIRST_PERSON = frozenset({"私", "僕", "わたし", "こちら", "うち", "弊社", "当方", "저", "제", "나", "내", "저희",
                           "우리", "我", "我们"})
# 「先週の会議で私から「…」と伝えました」: the asker named as the one who said it, just before the words
_JA_I_BEFORE = re.compile(r"(?:私|僕|わたし|当方|こちら)(?:の方)?(?:から|が|は|より)[^「『。！？]{0,12}$")
# The asker's own wording: put into English (「「…」の英語版」, 「…って英語で何と」, 「怎么翻译成英文」), or the subject
# line of the asker's mail (件名を「…」に, 제목을 "…"로, "subject line: '…'"); the partner's named right before is
# theirs
_TRANSLATED = re.compile(r"[」』”\"']?\s*(?:って|は|を|の|とは|という|是|을|를|은|는|라는|이라는)?[^。！？.!?\n]{0,12}?"
                         r"(?:英語|英訳|英文|英语|(?:どう|なんと|何と)訳|翻译成|译成|영어로|영문으로|영어 표현|번역)")
# "I ended our call with Toho by saying '…'": the words said by whoever the sentence last names as its subject
_BY_SAYING = re.compile(r"\bby (?:saying|telling \w+|replying|answering|writing(?: back)?)\s*[:,]?\s*$", re.I)
_SUBJECTS = re.compile(r"\b(I|we|they|he|she)\b", re.I)
_LANGUAGES = r"japanese|korean|chinese|mandarin"
_INTO_THEIRS_BEFORE = re.compile(rf"\bthe (?:{_LANGUAGES}) (?:for|way to say|equivalent (?:of|for)|version of)\s*$",
                                 re.I)
_INTO_THEIRS_AFTER = re.compile(rf"[\"”']?\s+in (?:{_LANGUAGES})\b(?!\s+(?:business|culture|context|compan|firm|terms|"
                                r"etiquette|eyes|ears|speak|negotiat))", re.I)  # "in Japanese business culture"
# "Would '…' sound rude to them?": the asker weighing words to say
# "instead of '…'", 「「…」の代わりに」, "…" 대신, 除了“…”: another wording for the asker's own
_INSTEAD_BEFORE = re.compile(r"\b(?:instead of|alternatives? to|rather than|other than|replace|replacing)\s*$|"
                             r"(?:除了|不说|与其说|代替|替代|替换)\s*$", re.I)
_INSTEAD_AFTER = re.compile(r"[」』”\"']?\s*(?:の代わりに|の代わりの|以外に|以外の|대신|말고|以外|之外|的替代)|"
                            r"[\"”']?\s+(?:is|would be)?\s*(?:a|the) (?:good|better|best|right|safe) way to "
                            r"(?:close|open|end|start|finish|reply|respond|answer|sign off|word|phrase|put)\b", re.I)
_WOULD_BEFORE = re.compile(r"\b(?:would|will|could|might)\s*$", re.I)
_WOULD_AFTER = re.compile(r"[\"”']?\s+(?:sound|come across|read|land|seem|be taken)\b", re.I)
_TITLE = re.compile(r"(?:件名|タイトル|題名|見出し|제목|헤드라인|标题|主题|题目|"
                    r"subject(?:\s+line)?|headline|titled?)\s*"
                    r"(?:を|は|に|が|에|을|를|은|는|이|가|是|:|：)?"
                    r"[^「『\"“'\n。.]{0,30}$", re.I)
_THEIR_TITLE = re.compile(r"(?:their|先方の?|相手の?|対方|对方的?|美方的?|상대|측|쪽)\s*"
                          r"(?:e-?mail's\s+|メールの|邮件的?\s*|메일\s*|(?-i:[a-z]+)\s+)?"
                          r"(?:件名|タイトル|題名|제목|标题|主题|subject|title|headline)", re.I)
_JA_TO = re.compile(r"[^\sか]に\s*$")  # 「米国のプロデューサーに「…」と返事して」: said TO someone
# 「想跟美方说…」, 「怎么跟对方说…」: the asker telling the partner (「美方跟我们说」 has a speaker of its own)
_ZH_ASKER_TO = re.compile(r"(?:^|[想要该能会得就再先也还我么话”」，。,！？\s])(?:跟|对(?!方)|给|向)"
                          r"[^，。,！？\s说]{1,8}$")
# A scene written as a script ("Me: '…'", "Me to the Toho producer last week: '…'", 私「…」, 나: "…", 我：“…”) or
# the asker's words named as such (私の返事は「…」, 제 발언: "…", 我的原话：“…”)
_SCRIPT_ME = re.compile(r"(?:^|\n|[.!?'\"”」)]\s+)\s*(?:me|myself)(?:\s+(?:to|with|at|on)\b[^:\n\"“']{1,60})?"
                        r"\s*:\s*[\"“']?$|"
                        r"(?:^|[\n。！？])\s*(?:私|僕|わたし|自分|나|저|我|本人)\s*[:：]?\s*[「『\"“']?$|"
                        r"(?:私の|제\s*|我的?)(?:発言|返事|返信|回答|答え|발언|답변|대답|말|회신|답장|原话|答复|回复|发言)"
                        r"(?:は|은|는|是)?\s*[:：]?\s*[「『\"“']?$", re.I)
# A partner named at a clause's start before its verb of saying says it: 「我跟美方开会，美方说“…”」
_ZH_THEY_SAY = re.compile(r"(?:^|[，,。！？\s])(?:" + _ZH_PARTNERS + r")")
# Words the quote itself tells someone to say to the partner ("tell Toho we'll keep you posted", 「米国側には…と
# 伝えておいて」, 「미국 쪽엔 …라고 해 둬」, 「跟美方说…」): the asker's side's, whoever gave the instruction
_TELL_THEM = re.compile(r"^\s*(?:just\s+)?(?:tell|remind|email|text|write back to|reply to|say to)\s+"
                        r"(?!me\b|us\b|your\b)\w|"
                        r"(?:先方|米国側|アメリカ側|米側|相手|向こう)(?:に|には|へ)[^」]*?(?:伝え|言っ|返し|返事し|回答し)て"
                        r"(?:おいて|おけ|くれ|ね)?\s*[。!！]?$|"
                        r"(?:미국|상대|그쪽|파트너)\s*(?:측|쪽)?\s*(?:엔|에는|에|에게는?|한테는?)\s[^\"”]*?"
                        r"(?:해|전해|답해|말해)(?:\s*(?:둬|줘|놔|요))?\s*[.!]?$|"
                        r"^\s*(?:就|先|直接)?(?:跟|对|给|向|告诉)(?:" + _ZH_PARTNERS + r")(?:说|讲|回|回复)?", re.I)
# English words weighed for an audience: "is '…' rude to say to them", "does '…' come across as cold to Chinese execs"
_WEIGHED_BEFORE = re.compile(r"\b(?:would|will|could|might|does|do|is|are|can)\s*$", re.I)
_WEIGHED_AFTER = re.compile(r"[\"”']?\s+(?:(?:sound|come across|read|land|seem|go down|feel)s?\b|be taken\b)"
                            r"[^.?!\n]{0,40}?"
                            r"\b(?:to|with|for|among)\s+(?:(?:a|an|the|our|my|most|many)\s+)?(?:" + _PARTNER_NOUNS +
                            r"|executives?|people|folks|producers?)\b|"
                            r"[\"”']?\s+(?:(?:too|a bit|very|really|at all|just)\s+)?"
                            r"(?:rude|impolite|blunt|harsh|cold|pushy|"
                            r"offensive|vague|ok|okay|fine|acceptable|appropriate|safe|weird|awkward)\b[^.?!\n]{0,20}?"
                            r"\bto (?:say|use|write|send|tell)\b", re.I)
# a meeting or call named before the words is where, not who: 「미국 투자사 미팅에서 "…"라고 하면」
_WHERE = re.compile(r"(?:미팅|회의|자리|통화|전화|메일|콜|행사|현장)에서\s*$")
# 「…다고 들었는데」 is hearsay; it is the partner's only when it says from whom: 「미국 측에서 …다고 들었습니다」
_KO_SOURCE = re.compile(r"측|쪽|에게서|한테서|로부터|에서")
# 「미국 파트너에게 …겠다고 답했는데」: said TO the partner, with no one it came from, is the asker's own reply
_KO_TO = re.compile(r"(?:에게|한테)(?!서)")


def own_side_said(message: str, start: int, end: int) -> bool:
    """The words at message[start:end] were said by the asker's own side, not the partner: a colleague, boss or the
    asker's own company (「社内では「…」と言われて」, 「…」と上司に言われた, 저희 대표님이 "…"고, 领导说"…",
    "our accountant says ..."). The speaker is the side named after the words (「と上司に」, 「と先方に」), else the
    side named last before them in their sentence, so that "our Korean co-producer told us" and 「中方导演对我们的
    意见说」 stay the partner's; a reported Japanese or Korean line may name its own speaker first (「저희 PD가 …」).
    A side named as an object is no speaker ("our CEO's reaction to the Japanese committee's term sheet was",
    「사내 법무팀이 미국 측 계약서 초안을 보고」). A Korean title alone (「팀장님이」) is the asker's boss when
    the words are plain (「검토해 보겠다」, 「해 보자」) or the message names the partner apart from it (「미국 측에는
    뭐라고 하죠?」), else the partner's when they are polite (「생각해 보겠습니다」)."""
    if after := _AGENT_AFTER.match(message[end:end + 16]):
        return bool(after.group(1))
    if _OWN_SUBJECT.match(message[start:end]) or _KO_LETS.search(message[start:end]):
        return True
    before = _SENTENCE_END.split(message[max(0, start - 120):start])[-1]
    plain = not _KO_POLITE.search(message[start:end])
    own = [m.span() for m in _OWN.finditer(before) if _OWN_PLACE.search(m.group(0)) or _speaks(before, m)
           or _MEMBERS.search(before[:m.start()])]
    outside = message[:start] + " " + message[end:]
    own += [m.span() for m in _KO_TITLE.finditer(before) if plain or _KO_PARTY.search(outside)
            and not re.search(rf"(?:{_KO_PARTY.pattern})\s*(?:측|쪽)?\s*{m.group(1)}님", outside)]
    theirs = [m.span() for m in _THEIR_SIDE.finditer(before) if _speaks(before, m)
              and not any(s <= m.start() and m.end() <= e for s, e in own)]  # 「우리 쪽」, "our studio"
    last = max(own + theirs, key=lambda span: span[1], default=None)
    return last is not None and last in own


def _speaks(before: str, side: re.Match[str]) -> bool:
    """Whether the side named may be the speaker: not in an English prepositional phrase ("to the Japanese
    committee's", "at our meeting"), nor a Korean object (「미국 측 계약서 초안을」: the first of the next words with a
    particle says which)."""
    if _OBJECT_BEFORE.search(before[:side.start()]):
        return False
    for word in _KO_WORD.findall(before[side.end():])[:3]:
        if word.endswith(_KO_SUBJECT):
            return True
        if word.endswith(_KO_OBJECT):
            return False
    return True


def said_by_asker(message: str, start: int, end: int) -> bool:
    """The quote is the asker's own reply: 'I replied "sounds great"', 「先方に「…」と返事してしまいました」,
    「제가 "…"라고 답했는데」, 「我跟美方说了"我们研究研究"」: said by the asker, or to the partner with no one it
    came from."""
    before = message[max(0, start - 60):start]
    asker = _ASKER_SAID_BEFORE.search(before[-40:])
    return bool(asker and not _ZH_THEY_SAY.search(asker.group(0)) or _SCRIPT_ME.search(before)
                or _TELL_THEM.search(message[start + 1:end - 1])
                or _WILL_SAY_BEFORE.search(before) or _OWN_WORDS.search(before)
                or will_say_after(message, start, end) or own_wording(message, start, end) or _asker_by_saying(before)
                or _ASKER_SAID_AFTER.match(message[end:end + 20])
                and (_ASKER_SAID_TO.search(message[:start]) or _JA_TO.search(before) or _JA_I_BEFORE.search(before)))


def _asker_by_saying(before: str) -> bool:
    """'I closed the call by saying "…"' is the asker's; 'they ended by saying "…"' is theirs."""
    sentence = _SENTENCE_END.split(before)[-1]
    subjects = _SUBJECTS.findall(sentence)
    return bool(_BY_SAYING.search(sentence) and subjects and subjects[-1].lower() in {"i", "we"})


def own_wording(message: str, start: int, end: int) -> bool:
    """The quote is wording the asker is choosing: an Asian phrase to put into English
    (「「検討します」ってどう訳せば」, 「“研究研究”翻译成英文」), English words put into the partner's language
    ("the Japanese for '…'"), words weighed ("would '…' sound rude"), or the subject line of the asker's own mail
    (件名を「…」に, 邮件标题我写的是“…”); not words named as the partner's (「先方の「…」って英語で」,
    "their subject line was '…'")."""
    before = _SENTENCE_END.split(message[max(0, start - 50):start])[-1]
    if _THEIR_SIDE.search(before[-8:]) and not _OWN.search(before[-8:]):
        return False
    after = message[end:end + 24]
    if _INSTEAD_BEFORE.search(before) or _INSTEAD_AFTER.match(after):
        return True
    if message[start:end].isascii():  # English words put into the partner's language, or weighed: "would '…' sound"
        return bool(_INTO_THEIRS_BEFORE.search(before) or _INTO_THEIRS_AFTER.match(after)
                    or _WOULD_BEFORE.search(before) and _WOULD_AFTER.match(after)
                    or _WEIGHED_BEFORE.search(before) and _WEIGHED_AFTER.match(message[end:end + 90])
                    or (title := _TITLE.search(before)) and not _THEIR_TITLE.search(before[:title.end()]))
    return bool(_TRANSLATED.match(after)
                or (title := _TITLE.search(before)) and not _THEIR_TITLE.search(before[:title.end()]))


def will_say_after(message: str, start: int, end: int) -> bool:
    """The words at message[start:end] are what the asker will say or said ("…」と伝えてもいいですか",
    「…と言ってしまいました」, "…"라고 답해도 될까요), with no one else named right before them as the speaker."""
    if not _WILL_SAY_AFTER.match(message[end:end + 24]):
        return False
    before = message[max(0, start - 30):start]
    subject = _SUBJECT_BEFORE.search(before)
    while subject and _WHERE.search(subject.group(0)):  # 「미국 측이 회의에서 "…"라고 하면」: the one before where
        before = before[:subject.start()]
        subject = _SUBJECT_BEFORE.search(before)
    return subject is None or subject.group(1) in _FIRST_PERSON


def asker_reported(message: str, m: re.Match[str], korean: bool) -> bool:
    """A reported line ("they said ...", 「…と言われた」, 「…다고 했어요」, 「说…」; group 1 the words) that is the
    asker's or the own side's, not the partner's: the asker speaks just before it ("I said", 「我跟美方说」), a Korean
    line opens with 「제가」, the own side said it, or a Korean report said TO someone names no one it came from."""
    words = m.group(1)
    return bool(_ASKER_SPEAKS.search(message[max(0, m.start() - 15):m.start() + 1])
                or _OWN_WORDS.search(message[max(0, m.start() - 60):m.end(1) - len(m.group(1))])
                or will_say_after(message, m.start(1), m.end(1))
                or _ZH_ASKER_TO.search(message[max(0, m.start() - 12):m.start()])
                or words.lstrip().startswith(("제가", "저희가"))
                or own_side_said(message, m.start(1), m.end(1))
                or (korean and (m.group(2) or _KO_TO.search(words)) and not _KO_SOURCE.search(words)))


# Quotes offered as alternatives: "'A' or 'B'?", 「A」と「B」、どちらが, "A"랑 "B" 중 어느 쪽, 写“A”还是“B”
_JOINS = re.compile(r"\s*(?:,?\s*(?:or(?: maybe| rather)?|and|vs\.?|versus)|/|と|か|和|与|还是|或者|或是|랑|이랑|와|과|"
                    r"하고|아니면|、|,|，)?\s*(?:(?-i:[A-D1-4])[.)）:：]?)?\s*$", re.I)  # A「…」、B「…」
_EITHER = re.compile(r"\bor\b|\bvs\.?|\bversus\b|/|か|还是|或者|或是|아니면", re.I)  # a choice by itself
# "They said '…' or '…'", 「先方から「…」と「…」を」: a run of words someone else is reported saying
_REPORTED = re.compile(r"\b(?:said|says|wrote|writes|replied|texted|told)\b|から|측이|측에서|说|回复|回信", re.I)
_CHOICE = re.compile(r"\b(?:which|better|choose|pick)\b|どちら|どっち|どれ|選|어느|뭐가|무엇이|골라|"
                     r"哪个|哪一个|哪种|更|选", re.I)


def alternatives(message: str, spans: list[tuple[int, int]], own: set[int]) -> set[int]:
    """The quotes (indexes into `spans`, in reading order) that are wordings the asker chooses between: quotes joined
    by "or", 「と」, 랑 or 还是 into one run that holds an own quote or is offered as a choice (see _a_choice)."""
    chosen: set[int] = set()
    run = [0] if spans else []
    for i in range(1, len(spans) + 1):
        if i < len(spans) and _JOINS.fullmatch(message[spans[i - 1][1]:spans[i][0]]):
            run.append(i)
            continue
        if len(run) > 1 and (own & set(run) or _a_choice(message, [spans[j] for j in run])):
            chosen |= set(run)
        run = [i]
    return chosen


def _a_choice(message: str, run: list[tuple[int, int]]) -> bool:
    """Joined by a word of choice itself ("or", 还是, 아니면) or with a choice asked right around them (どちら,
    어느 쪽, 哪个, "which"), unless someone is reported saying them ("They said '…' or '…'")."""
    first, last = run[0][0], run[-1][1]
    if _REPORTED.search(message[max(0, first - 40):first]):
        return False
    gaps = "".join(message[a[1]:b[0]] for a, b in zip(run, run[1:], strict=False))
    return bool(_EITHER.search(gaps) or _CHOICE.search(message[max(0, first - 20):first] + message[last:last + 40]))
