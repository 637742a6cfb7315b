"""Heritage is no side: a Korean-American producer is an American, and a Korean-born director works for whichever
company employs them. Who is asking (coach/asker_frame.py) reads the text with heritage said as what it tells."""

from __future__ import annotations

import re

# 「한국계 미국인」, 「재미교포」, 「日系アメリカ人」, 「美籍华人」 are Americans; 「한국계 프로듀서」, 「华裔制片」,
# 「日系のプロデューサー」 name a person's roots, not the company they work for; so does an asker's nationality said
# with their job (「미국 스튜디오 도쿄 사무소에 있는 한국인 직원입니다」, 「美国制片公司的中国籍员工」), and the last
# entry below drops it from 「我是美国公司驻东京的中方员工」 and keeps the rest.
_AMERICAN_HERITAGE = [
    (re.compile(r"\b(?:korean|japanese|chinese|taiwanese|asian)[- ]americans?\b", re.I), "American"),
    (re.compile(r"(?:한국|일본|중국|대만|아시아)계\s*미국(?:인|사람)|재미\s*(?:교포|동포|한인|한국인)"), "미국인"),
    (re.compile(r"(?:日|韓国|中国|台湾|アジア)系(?:の)?(?:アメリカ人|米国人)|日系(?:人|二世|三世)"), "アメリカ人"),
    (re.compile(r"美籍(?:华人|华裔|韩裔|日裔)|(?:华|韩|日)裔美国人"), "美国人"),
    # 「我是美国公司驻东京的中方员工」: the asker's own nationality said with their job, not the Chinese side
    (re.compile(r"(我是[^。，,！？!?]{0,24}?)(?:中方|中国籍?|华人)(员工|雇员|职员|同事)"), r"\1\2"),
]
_HERITAGE = re.compile(r"\b(?:korean|japanese|chinese|taiwanese)-born\b|\bof (?:korean|japanese|chinese) "
                       r"(?:descent|heritage|background|origin)\b|(?:한국|일본|중국|대만)계(?!\s*(?:회사|기업|자본|투자|은행))|"
                       r"교포|(?:한국|일본|중국)인(?=\s*(?:직원|프로듀서|PD|피디|스태프|매니저|담당자|코디네이터|통역사)"
                       r"\s*(?:입니다|이에요|예요|이고|인데|로서|으로서))|"
                       r"(?:韓国|中国|台湾)系(?!企業|の企業|資本)|日系(?=の?(?:プロデューサー|スタッフ|社員|人|方))|"
                       r"华裔|华人|华侨|韩裔|日裔|"
                       r"(?:中国|韩国|日本|台湾)籍(?=的?(?:员工|职员|同事|制片|经理|雇员|人士))", re.I)


def without_heritage(text: str) -> str:
    """The text with heritage said as what it tells of the side: "Korean-American" as "American", 「한국계」 as
    nothing."""
    for pattern, american in _AMERICAN_HERITAGE:
        text = pattern.sub(american, text)
    return _HERITAGE.sub("", text)
