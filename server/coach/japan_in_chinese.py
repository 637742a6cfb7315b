"""A question written in Chinese about a Japanese partner (「日方说要回去请示上面，到底谁拍板？」,
「我们是一家中国动画公司，正在和日本的动画公司合作…」): its pair is Japan-US, and its asker is the partner's
other side, whether the American side's Chinese-speaking staff or a Chinese company on the Japanese partner's
project, as a senior producer labels them (the cards for dealing with a Japanese partner are written for the side
that is not Japanese). Such a question used to read as China-US or no pair, and as the Asian side."""

from __future__ import annotations

import re

_THEIR_JAPANESE = re.compile(r"日方|日本(?:的|那边的?|方面的?)?(?:合作方|合作伙伴|伙伴|公司|出版社|动画公司|动画工作室|"
                             r"制作公司|制作委员会|电视台|方面|团队|担当|负责人|制片人?|发行方|对接人|同事|客户|片方|"
                             r"投资方|那边|合拍方|版权方|委员会(?:成员)?|出资方)")
_OWN_JAPANESE = re.compile(r"我们?(?:是|在)(?:一家)?日本|我方是日本|我们日本|我是日本人")
_NOT_JAPAN_US = re.compile(r"韩国|韓国|韩方|首尔|合拍协[议定]|中日合拍")  # Korea named, or a China-Japan treaty
# An American party the Chinese asker deals with: then 「我们是中国公司」 is the Asian side of a China-US deal.
_AMERICAN_PARTY_ZH = re.compile(r"美方|好莱坞|美国(?:的|那边的?|方面的?)?(?:合作方|合作伙伴|伙伴|公司|片厂|制片|"
                                r"发行|平台|投资|团队|那边|方面|流媒体|导演|演员)")


def about_japanese_partner(text: str) -> bool:
    """Chinese text that names a Japanese partner in the third person, not the asker's own Japanese company, and
    neither Korea nor a China-Japan co-production treaty (a China-US question that names Japan)."""
    return bool(_THEIR_JAPANESE.search(text)) and not _OWN_JAPANESE.search(text) \
        and not _NOT_JAPAN_US.search(text)


def beside_japanese_partner(text: str) -> bool:
    """Chinese text whose asker says they are a Chinese company (「我们是一家上海的影视公司」) about a Japanese
    partner, with no American party they deal with: in a Japan-US co-production the company that is not Japanese is
    on the partner's other side, the side the Japan cards are written for, not the Asian side of a China-US deal."""
    return about_japanese_partner(text) and not _AMERICAN_PARTY_ZH.search(text)
