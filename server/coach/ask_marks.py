"""What marks a sentence as an ask, and the words that split a message into asks, shared by parts.py (the
message's asks) and part_lists.py (the topics a sentence lists and asks about one by one)."""

from __future__ import annotations

import re

MAX_PARTS = 3
# 「…KeyError가 나요.」 (나다, "an error comes up") asks nothing: the asking -나요 ends a stem (괜찮나요, 하나요)
QUESTION_END = re.compile(r"(?:[?？]|か|かな|でしょうか|ますか|ですか|の|까|까요|(?<!\s)나요|죠|니|吗|呢)"
                          r"\s*[。.]?\s*$")
_REQUEST = re.compile(r"\b(tell me|explain|advise|help me|any (?:tips|advice))\b|教えて|ください|知りたい|"
                      r"알려\s?(?:주|줘)|조언|궁금|알고 싶|请问|请告诉|怎么办|如何|想知道|想了解|"
                      # an ask put as what the asker does not know: "I never know how I should address their CEO",
                      # 「どう呼べばいいか分からない」, 「어떻게 불러야 할지 모르겠어요」, 「不知道该怎么称呼」
                      r"\bI(?:'m| am) not sure (?:how|what|who|whether|if|when)\b|\bI (?:never|don't|do not) know "
                      r"(?:how|what|who|whether|if|when)\b|\bI (?:wonder|am wondering|'m wondering) "
                      r"(?:if|whether|how)\b|"
                      r"か(?:分から|わから)な|(?:지|는지) 모르겠|不知道(?:该|要|怎么|如何|是否|是不是)|"
                      # what the asker wants to put to someone else: 「誰が決めるのか、…上司に説明したいです」
                      r"のか[、，][^。？?]*(?:したい|たいです)|"
                      # 「…が気になっています。アドバイスをお願いします。」
                      r"(?:アドバイス|助言|ご意見|ご教示)を?(?:お願い|いただけ|頂け)", re.I)
SENTENCE = re.compile(r"(?<=[?？!！。])\s*|(?<=\.)\s+(?=[A-Z가-힣])|\n+")
# Question words: the second of two clauses joined by "or" is its own ask only when it has one
# (「効果があるのか、それとも誰が決めるのか」), not when it is the other choice (「待つべきか、それとも押すべきか」).
WH = re.compile(r"\b(?:who|what|when|where|why|how|which|whose)\b|誰|だれ|いつ|どこ|何|なに|どう|どの|どれ|なぜ|"
                r"いくら|누가|누구|언제|어디|무엇|뭐|뭘|어떻게|어떤|왜|얼마|谁|什么|何时|哪|怎么|怎样|如何|为什么|"
                r"多少|多大|多久|要不要|能不能|是否", re.I)
AND_CUE = re.compile(r"[、，,]\s*(?:それと|それから|あと|さらに|加えて|また)[、，,]?|"
                     r"(?<=고)(?:,?\s*(?:또한?|그리고|아울러)\s+|,\s*)|[,，]\s*(?:또한?|그리고|아울러)\s+|"
                     r"[，,]\s*(?:另外|还有|此外|同时)[，,]?|以及")
FOCUS = re.compile(r"^(?:特に|とくに|특히|尤其|especially|in particular)[^。.?？]*(?:心配|不安|気にな|걱정|궁금|担心|"
                   r"想知道|worr|concern)", re.I)


def is_question(sentence: str) -> bool:
    """The sentence asks: it ends as a question or requests advice ("tell me", 「教えてください」)."""
    return bool(QUESTION_END.search(sentence) or _REQUEST.search(sentence))
