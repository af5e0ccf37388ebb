#!/usr/bin/env python3
"""Deterministic benchmark corpus in sitegen's own site layout.

    python benchmarks/corpus.py --pages N --out DIR [--seed 42] [--units U]

writes a complete sitegen site into DIR:

    DIR/site.yaml
    DIR/content/series/<id>.yaml        4 series (columns)
    DIR/content/units/<id>.yaml         U units (default max(20, N // 50)): 2–6 cumulative
                                        tallies that add up, 2–3 targets, 2–4 milestones
    DIR/content/interviews/fangtan-NNNNN.md   90% of N: ~1,700 CJK characters of body,
                                        4–6 `##` questions, a `-` list, a pipe table, a link, bold;
                                        half of them give their unit's latest tally in words
                                        (截至2018年4月26日，…收集问题清单296份，其中…), as the seed article does
    DIR/content/cases/anli-NNNNN.md     10% of N (every page i with i % 10 == 9)

Everything is seeded per record (page i from ``"{seed}:page:{i}"``, unit j from
``"{seed}:unit:{j}"``), so page i has the same text whatever N is; only the unit a
page belongs to depends on U. Unit names are distinct Chinese names, no
``misspellings`` are listed and no raw HTML is written, so ``sitegen check``
reports 0 errors and 0 warnings. Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

MARKER = ".bench-corpus.json"
"""File written into DIR: the parameters and a digest of the generated files."""

BODY_CJK = 1700
"""Target CJK characters in an interview body (cases get 60% of it)."""

# --- vocabulary -------------------------------------------------------------

SERIES = {
    "dadiaoyan-weifangtan": ("大调研微访谈", "本栏目邀请各镇、街道和委办局负责人，结合具体案例谈调研中的体会、经历和收获。", "上海热线新闻网"),
    "jiceng-zhili": ("基层治理面对面", "走进村居和社区，听基层干部讲述治理中的难题和办法。", "区融媒体中心"),
    "minsheng-shishi": ("民生实事进行时", "跟踪民生实事项目的进度，请项目负责人说说办成了什么、还差什么。", "区政府网站"),
    "chanye-fazhan": ("产业发展访谈录", "访谈园区和企业服务部门负责人，谈营商环境和产业升级。", "区发展和改革委员会"),
}
TAGS = ["大调研", "补短板", "民生", "乡村振兴", "营商环境", "基层治理", "养老服务", "垃圾分类",
        "河长制", "城市更新", "老旧小区", "停车难", "就业服务", "义务教育", "社区医疗", "公共文化",
        "全域旅游", "现代农业", "科技创新", "招商引资", "安全生产", "社区服务", "志愿服务", "环境整治",
        "交通出行", "住房保障", "食品安全", "党建引领", "数字政务", "便民服务"]
# Unit names: first char + second char (+ third for j >= 625) + a suffix by level.
FIRST = [("青", "qing"), ("白", "bai"), ("金", "jin"), ("华", "hua"), ("朱", "zhu"), ("练", "lian"),
         ("徐", "xu"), ("崇", "chong"), ("夏", "xia"), ("香", "xiang"), ("赵", "zhao"), ("凤", "feng"),
         ("盈", "ying"), ("新", "xin"), ("东", "dong"), ("南", "nan"), ("西", "xi"), ("北", "bei"),
         ("安", "an"), ("长", "chang"), ("龙", "long"), ("松", "song"), ("桃", "tao"), ("柳", "liu"), ("云", "yun")]
SECOND = [("泾", "jing"), ("湖", "hu"), ("桥", "qiao"), ("港", "gang"), ("塘", "tang"), ("浦", "pu"),
          ("泽", "ze"), ("溪", "xi"), ("山", "shan"), ("庄", "zhuang"), ("园", "yuan"), ("林", "lin"),
          ("河", "he"), ("岭", "ling"), ("坪", "ping"), ("湾", "wan"), ("口", "kou"), ("阳", "yang"),
          ("丰", "feng"), ("宁", "ning"), ("泉", "quan"), ("兴", "xing"), ("田", "tian"), ("江", "jiang"), ("石", "shi")]
THIRD = [("上", "shang"), ("中", "zhong"), ("下", "xia"), ("前", "qian"), ("后", "hou"), ("大", "da"),
         ("小", "xiao"), ("老", "lao")]
LEVELS = [  # level, weight, name suffix, id suffix, roles
    ("town", 35, "镇", "zhen", ("中共{n}党委书记", "{n}镇长")),
    ("subdistrict", 20, "街道", "jiedao", ("中共{n}党工委书记", "{n}办事处主任")),
    ("village", 20, "村", "cun", ("{n}党支部书记", "{n}村委会主任")),
    ("community", 15, "社区", "shequ", ("{n}党总支书记", "{n}居委会主任")),
    ("committee", 5, "管委会", "guanweihui", ("{n}主任", "{n}副主任")),
    ("park", 5, "园区", "yuanqu", ("{n}党委书记", "{n}招商服务中心主任")),
]
GROUPS = ["institutions", "residents", "registered_enterprises", "enterprises", "farmers",
          "social_organizations", "villages"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力成峰海波宁浩宇晨欣怡雪梅林"
SUBJECTS = ["调研组", "镇党委", "街道党工委", "村两委", "居委会", "党员干部", "驻村指导员", "志愿者",
            "企业负责人", "老百姓", "居民代表", "网格员", "职能部门", "区级部门", "我们", "大家"]
ADVERBS = ["深入", "及时", "逐一", "主动", "扎实", "持续", "集中", "分批", "反复", "认真", "全面", "定期"]
VERBS = ["走访", "梳理", "收集", "解决", "推进", "协调", "落实", "回应", "排查", "整改", "研究", "督办",
         "摸清", "听取", "汇总", "跟踪", "对接", "完善"]
OBJECTS = ["问题清单", "群众诉求", "企业难题", "民生短板", "意见建议", "办理进度", "服务需求", "安全隐患",
           "停车问题", "养老需求", "就业岗位", "环境问题", "基础设施", "政策措施", "工作机制", "实施方案",
           "供水管网", "道路交通", "村容村貌", "垃圾分类", "菜场改造", "日托中心", "红白事场所", "小菜园小果园"]
TIMES = ["今年以来", "年初", "上个月", "一季度", "春节前后", "近两个月", "调研开始后", "这段时间", "去年底"]
RESULTS = ["效果比较明显", "群众比较满意", "还需要继续努力", "已经列入计划", "正在抓紧办理",
           "基本得到解决", "得到了区里的支持", "形成了长效机制", "大家的积极性很高", "还有不少困难"]
ASCII_WORDS = ["App", "5G", "Wi-Fi", "GDP", "PPT", "Excel", "O2O", "KPI", "12345", "APP", "PM2.5", "LED"]
QUESTIONS = ["大调研开展以来，有哪些进展和亮点？", "调研中发现了哪些突出问题？", "群众反映最多的是什么？",
             "问题清单是怎样办理的？", "企业最盼望解决什么？", "如何做到调研全覆盖？", "怎样把短板补起来？",
             "调研中有哪些让您印象深刻的事？", "下一步有什么打算？", "怎样发挥本地的优势？",
             "如何建立长效机制？", "调研组是怎样分工的？", "遇到的最大困难是什么？",
             "怎样让群众看到变化？", "数据是怎么统计和公开的？", "对区级部门有什么建议？",
             "如何调动基层干部的积极性？", "哪些经验值得推广？", "民生实事办得怎么样？", "老百姓有什么新期待？"]
CASE_HEADINGS = ["问题是怎么发现的", "群众的意见", "我们的做法", "遇到的困难", "目前的进展",
                 "还要做什么", "各方的反馈", "经验和体会"]
TITLE_PHRASES = ["补好短板", "发挥优势", "拜人民为师", "听民声察民情", "问需于民", "真调研真解决",
                 "把问题找准", "把实事办好", "走在前列", "精准施策", "久久为功", "共建共治", "建设美丽家园",
                 "服务企业发展", "让群众更满意", "打通最后一公里"]
MILESTONES = ["成立大调研领导小组", "印发实施方案", "召开动员部署会", "完成第一轮走访", "召开问题清单交办会",
              "开展“回头看”", "召开阶段推进会", "公布首批办结清单", "完成年度总结", "开展群众满意度测评"]
STATUSES = ["planned", "in_progress", "resolved"]


def cjk_count(text: str) -> int:
    """Return the number of Han characters (U+4E00–U+9FFF) in ``text``."""
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


# --- units --------------------------------------------------------------------

@dataclass(frozen=True)
class Unit:
    """A generated unit: id, name, level, the YAML text of its file, its tally dates and its tallies
    (``(as_of, collected, escalated, resolved, in_progress)``, oldest first)."""

    id: str
    name: str
    level: str
    roles: tuple[str, str]
    yaml: str
    tally_dates: tuple[str, ...]
    tallies: tuple[tuple[str, int, int, int, int], ...] = ()


def unit_name(j: int) -> tuple[str, str]:
    """Return (name stem, id stem) of unit number ``j``: distinct for every j < 5,000.

    The stem is two or three Han characters; the id stem their pinyin joined by "-".
    Raises ValueError beyond 5,000 units.
    """
    base = len(FIRST) * len(SECOND)
    if j >= base * (len(THIRD) + 1):
        raise ValueError(f"at most {base * (len(THIRD) + 1)} units can be named")
    k = (j % base) * 263 % base  # a fixed permutation of 0..624, so neighbours differ
    chars = [FIRST[k % len(FIRST)], SECOND[k // len(FIRST)]]
    if j >= base:
        chars.append(THIRD[j // base - 1])
    return "".join(c for c, _ in chars), "-".join(p for _, p in chars)


def make_unit(seed: int, j: int) -> Unit:
    """Return unit ``j`` (same for a given seed whatever the number of units)."""
    rng = random.Random(f"{seed}:unit:{j}")
    level, _, suffix, id_suffix, roles = rng.choices(LEVELS, weights=[lv[1] for lv in LEVELS])[0]
    stem, id_stem = unit_name(j)
    name, uid = stem + suffix, f"{id_stem}-{id_suffix}"
    tallies = make_tallies(rng)
    lines = [f"# 基准测试语料：单位 {name}", f"name: {name}", f"level: {level}", "misspellings: []",
             f"summary: {name}{rng.choice(TIMES)}{rng.choice(ADVERBS)}开展大调研，{rng.choice(RESULTS)}。", ""]
    lines += tally_lines(tallies) + target_lines(rng) + milestone_lines(rng)
    dates = tuple(t["as_of"] for t in tallies)
    figures = tuple((str(t["as_of"]), *(int(t[key]) for key in ("collected", "escalated", "resolved", "in_progress")))
                    for t in tallies)  # type: ignore[misc]
    return Unit(uid, name, level, (roles[0].format(n=name), roles[1].format(n=name)), "\n".join(lines) + "\n", dates,
                figures)


def make_tallies(rng: random.Random) -> list[dict[str, object]]:
    """Return 2–6 cumulative tallies, oldest first, one per date.

    Each adds up exactly (escalated + resolved + in_progress == collected);
    batches, collected, escalated and resolved never fall (issues only move
    from in progress to escalated or resolved).
    """
    day = dt.date(2018, 1, 20) + dt.timedelta(days=rng.randint(0, 90))
    batches = escalated = resolved = in_progress = 0
    tallies = []
    for _ in range(rng.randint(2, 6)):
        to_resolved = rng.randint(0, in_progress // 2)
        to_escalated = rng.randint(0, (in_progress - to_resolved) // 3)
        new = rng.randint(20, 300)
        new_resolved = rng.randint(0, new // 3)
        resolved += to_resolved + new_resolved
        escalated += to_escalated
        in_progress += new - to_resolved - to_escalated - new_resolved
        batches += rng.randint(10, 200)
        tallies.append({"as_of": day.isoformat(), "batches": batches, "collected": escalated + resolved + in_progress,
                        "escalated": escalated, "resolved": resolved, "in_progress": in_progress})
        day += dt.timedelta(days=rng.randint(15, 60))
    return tallies


def tally_lines(tallies: list[dict[str, object]]) -> list[str]:
    """Return the YAML lines of the ``tallies:`` block (keys in a fixed order)."""
    lines = ["tallies:"]
    for tally in tallies:
        lines.append(f"  - as_of: {tally['as_of']}")
        lines += [f"    {key}: {tally[key]}" for key in ("batches", "collected", "escalated", "resolved", "in_progress")]
        lines.append(f"    note: 截至{tally['as_of']}的累计数，据单位上报。")
    return lines + [""]


def target_lines(rng: random.Random) -> list[str]:
    """Return the YAML lines of 2–3 coverage targets, one per group."""
    lines = ["targets:"]
    for group in rng.sample(GROUPS, rng.randint(2, 3)):
        target = rng.choice([60, 70, 80, 90, 100])
        lines += [f"  - group: {group}", f"    target: {target}"]
        if rng.random() < 0.5:
            lines.append(f"    deadline: 2018-12-{rng.randint(1, 31):02d}")
        if rng.random() < 0.6:
            lines += [f"    measured: {rng.uniform(20, target):.1f}",
                      f"    measured_as_of: 2018-{rng.randint(6, 12):02d}-{rng.randint(1, 28):02d}"]
    return lines + [""]


def milestone_lines(rng: random.Random) -> list[str]:
    """Return the YAML lines of 2–4 milestones in date order."""
    lines = ["milestones:"]
    day = dt.date(2018, 1, 5) + dt.timedelta(days=rng.randint(0, 30))
    for title in sorted(rng.sample(MILESTONES, rng.randint(2, 4)), key=MILESTONES.index):
        lines += [f"  - date: {day.isoformat()}", f"    title: {title}"]
        if rng.random() < 0.5:
            lines.append(f"    description: {rng.choice(SUBJECTS)}{rng.choice(ADVERBS)}{rng.choice(VERBS)}"
                         f"{rng.choice(OBJECTS)}，{rng.choice(RESULTS)}。")
        day += dt.timedelta(days=rng.randint(3, 60))
    return lines


# --- text ---------------------------------------------------------------------

def clause(rng: random.Random) -> str:
    """Return one clause of pseudo-Chinese prose (about 8–16 Han characters)."""
    parts = [rng.choice(TIMES) if rng.random() < 0.3 else "", rng.choice(SUBJECTS), rng.choice(ADVERBS),
             rng.choice(VERBS), rng.choice(OBJECTS)]
    roll = rng.random()
    if roll < 0.15:
        parts.append(f"{rng.randint(3, 400)}{rng.choice('件个份户家条处')}")
    elif roll < 0.2:
        parts.append(f"，用上了 {rng.choice(ASCII_WORDS)} ")
    return "".join(parts).rstrip()


def sentence(rng: random.Random) -> str:
    """Return a sentence of 2–3 clauses and a result; sometimes with a bold part."""
    text = "，".join(clause(rng) for _ in range(rng.randint(2, 3))) + "，" + rng.choice(RESULTS)
    if rng.random() < 0.1:
        text = f"**{text}**"
    return text + rng.choice("。。。！")


def paragraph(rng: random.Random) -> str:
    """Return a paragraph of 2–5 sentences on one line."""
    return "".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def list_block(rng: random.Random) -> list[str]:
    """Return the lines of a lead line and a `-` list of 3–5 items, a date in bold in each."""
    lines = [f"{rng.choice(['主要做法', '具体来说', '几项重点工作'])}：", ""]
    for _ in range(rng.randint(3, 5)):
        lines.append(f"- **{rng.randint(1, 12)}月{rng.randint(1, 28)}日**，{clause(rng)}，{rng.choice(RESULTS)}。")
    return lines + [""]


def table_block(rng: random.Random) -> list[str]:
    """Return the lines of a pipe table of 3–5 rows of figures."""
    lines = ["| 事项 | 收集 | 已解决 | 办理中 |", "| --- | ---: | ---: | ---: |"]
    for obj in rng.sample(OBJECTS, rng.randint(3, 5)):
        done, doing = rng.randint(0, 80), rng.randint(0, 40)
        lines.append(f"| {obj} | {done + doing} | {done} | {doing} |")
    return lines + [""]


def body(rng: random.Random, headings: list[str], target: int, page: int) -> str:
    """Return a Markdown body: a lead paragraph, then one section per heading.

    Sections are filled with paragraphs until the body holds about ``target``
    Han characters; one section gets the list, one the table, one a link.
    """
    blocks = [paragraph(rng), ""]
    extras = {"list": rng.randrange(len(headings)), "table": rng.randrange(len(headings)),
              "link": rng.randrange(len(headings))}
    for index, heading in enumerate(headings):
        blocks += [f"## {heading}", ""]
        if extras["link"] == index:
            blocks += [f"详见[工作简报第{page}期](https://www.qingpu.gov.cn/jianbao/{page}.html)。", ""]
        quota = target * (index + 1) // len(headings)
        # stop within half a paragraph (about 100 characters) of the quota, so the mean hits the target
        while cjk_count("".join(blocks)) < quota - 100 or blocks[-2].startswith("#"):
            blocks += [paragraph(rng), ""]
        if extras["list"] == index:
            blocks += list_block(rng)
        if extras["table"] == index:
            blocks += table_block(rng)
    return "\n".join(blocks).rstrip() + "\n"


# --- pages --------------------------------------------------------------------

def scalar(text: str) -> str:
    """Return ``text`` as a YAML scalar: plain when that is safe, else double-quoted."""
    if re.search(r": |\s#|^[\s\-?:,\[\]{}#&*!|>'\"%@`]|\s$", text):
        return json.dumps(text, ensure_ascii=False)
    return text


def publish_time(rng: random.Random) -> str:
    """Return a publish time between 2018-03 and 2023-09, as ``YYYY-MM-DD HH:MM``."""
    moment = dt.datetime(2018, 3, 1, 8, 0) + dt.timedelta(days=rng.randint(0, 2000), minutes=rng.randint(0, 600))
    return moment.strftime("%Y-%m-%d %H:%M")


def interview(seed: int, i: int, units: list[Unit]) -> str:
    """Return the file text of interview page ``i`` (front matter and body)."""
    rng = random.Random(f"{seed}:page:{i}")
    unit = units[rng.randrange(len(units))]
    series = rng.choice(sorted(SERIES))
    # The issue number makes every title unique, as in a real series: sitegen warns about two pages with one title.
    title = f"{unit.name}：{' '.join(rng.sample(TITLE_PHRASES, 2))}（第{i + 1}期）"
    person = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2)))
    tags = ", ".join(rng.sample(TAGS, rng.randint(2, 4)))
    front = [f"title: {scalar(title)}", f"series: {series}", f"unit: {unit.id}", "interviewee:",
             f"  name: {person}", f"  role: {rng.choice(unit.roles)}", f"date: {publish_time(rng)}",
             f"summary: {unit.name}{rng.choice(TIMES)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(RESULTS)}。",
             f"tags: [{tags}]", "source:", f"  publisher: {SERIES[series][2]}",
             f"  title: {scalar(SERIES[series][0] + '│' + title)}",
             f"  url: https://example.org/news/{100000 + i}.html"]
    text = body(rng, rng.sample(QUESTIONS, rng.randint(4, 6)), BODY_CJK, i)
    statement = tally_statement(seed, i, unit, next(line for line in front if line.startswith("date: "))[6:])
    if statement:  # after the lead paragraph, as the seed article gives its figures
        lead, rest = text.split("\n\n", 1)
        text = f"{lead}\n\n{statement}\n\n{rest}"
    return "---\n" + "\n".join(front) + "\n---\n\n" + text


def tally_statement(seed: int, i: int, unit: Unit, published: str) -> str:
    """Return the sentence in which half the interviews give their unit's latest tally of before ``published``
    (``YYYY-MM-DD HH:MM``) figure for figure, in the seed article's words (截至…，收集问题清单296份，其中…); "" for
    the other half and when the unit has no tally by then. Drawn from a random stream of its own, so the rest of
    the page is the same either way."""
    rng = random.Random(f"{seed}:figures:{i}")
    known = [tally for tally in unit.tallies if tally[0] <= published[:10]]
    if not known or rng.random() < 0.5:
        return ""
    as_of, collected, escalated, resolved, in_progress = known[-1]
    year, month, day = (int(part) for part in as_of.split("-"))
    return (f"截至{year}年{month}月{day}日，{unit.name}共收集问题清单{collected}份，其中{escalated}份已提交区相关部门，"
            f"{resolved}份已经解决，{in_progress}份正在办理。")


def case(seed: int, i: int, units: list[Unit]) -> str:
    """Return the file text of case-study page ``i``; ``related_tally`` is one of its unit's tallies, and the page
    is published on or after that tally's day (sitegen warns of a page citing figures newer than itself)."""
    rng = random.Random(f"{seed}:page:{i}")
    unit = units[rng.randrange(len(units))]
    actions = [f"  - {rng.choice(ADVERBS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}" for _ in range(rng.randint(2, 4))]
    title = f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(TITLE_PHRASES)}（案例{i + 1}）"
    status, problem = rng.choice(STATUSES), scalar(paragraph(rng).replace('**', ''))
    outcome, related, published = rng.choice(RESULTS), rng.choice(unit.tally_dates), publish_time(rng)
    published = max(published, f"{related} {published[11:]}")  # ISO texts compare as the moments they name
    front = [f"title: {title}", f"unit: {unit.id}", f"status: {status}", f"problem: {problem}", "actions:", *actions,
             f"outcome: {outcome}。", f"related_tally: {related}", f"date: {published}",
             f"tags: [{', '.join(rng.sample(TAGS, rng.randint(1, 3)))}]"]
    text = body(rng, rng.sample(CASE_HEADINGS, rng.randint(2, 4)), BODY_CJK * 6 // 10, i)
    return "---\n" + "\n".join(front) + "\n---\n\n" + text


def page_file(i: int) -> str:
    """Return the path under content/ of page ``i``: every tenth page (i % 10 == 9) is a case study."""
    return f"cases/anli-{i:05d}.md" if i % 10 == 9 else f"interviews/fangtan-{i:05d}.md"


# --- the site -----------------------------------------------------------------

SITE_YAML = """\
# 基准测试语料（benchmarks/corpus.py 生成，请勿手工编辑）
title: 大调研进度公开（基准测试）
description: 由 benchmarks/corpus.py 生成的基准测试站点。
base_url: https://example.org/
language: zh-CN
time_zone: Asia/Shanghai
per_page: 20
publisher: 基准测试
"""


def default_units(pages: int) -> int:
    """Return the default number of units for ``pages`` pages: max(20, pages // 50)."""
    return max(20, pages // 50)


def site_digest(root: Path) -> str:
    """Return a SHA-256 hex digest of site.yaml, content/ and templates/ under ``root`` (paths and bytes)."""
    digest = hashlib.sha256()
    files = [root / "site.yaml"] + sorted(p for d in ("content", "templates") for p in (root / d).rglob("*"))
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def prepare_folder(out: Path) -> None:
    """Make ``out`` ready: create it, or empty a folder this script made before.

    Raises SystemExit when ``out`` holds files and is not a corpus of ours.
    """
    if out.exists() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SystemExit(f"{out} is not empty and was not made by corpus.py; choose another --out")
    if out.exists():
        shutil.rmtree(out)
    for folder in ("series", "units", "interviews", "cases"):
        (out / "content" / folder).mkdir(parents=True)


def generate(out: Path, pages: int, seed: int = 42, units: int | None = None) -> dict[str, object]:
    """Write the whole site into ``out`` (emptied first when it is a corpus of ours).

    Takes the folder, the number of pages (interviews + cases), the seed and
    the number of units (default `default_units`). Returns the parameters and
    counts, also written to ``out/.bench-corpus.json`` with the site's digest.
    """
    units = units or default_units(pages)
    prepare_folder(out)
    (out / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    for sid, (title, blurb, publisher) in SERIES.items():
        text = f"title: {title}\nblurb: {blurb}\npublisher: {publisher}\n"
        (out / "content" / "series" / f"{sid}.yaml").write_text(text, encoding="utf-8")
    unit_list = [make_unit(seed, j) for j in range(units)]
    if len({u.name for u in unit_list}) != units or len({u.id for u in unit_list}) != units:
        raise AssertionError("unit names or ids are not distinct")
    for unit in unit_list:
        (out / "content" / "units" / f"{unit.id}.yaml").write_text(unit.yaml, encoding="utf-8")
    total_cjk = 0
    for i in range(pages):
        rel = page_file(i)
        text = (case if rel.startswith("cases/") else interview)(seed, i, unit_list)
        total_cjk += cjk_count(text.split("\n---\n", 1)[1])
        (out / "content" / rel).write_text(text, encoding="utf-8")
    info = {"pages": pages, "seed": seed, "units": units, "cases": sum(1 for i in range(pages) if i % 10 == 9),
            "avg_body_cjk": round(total_cjk / max(pages, 1)), "digest": site_digest(out)}
    (out / MARKER).write_text(json.dumps(info, indent=1), encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    """Command line: parse the options, write the corpus, print one summary line. Returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, required=True, help="interviews + case studies")
    parser.add_argument("--out", type=Path, required=True, help="the site folder to write")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--units", type=int, default=None, help="default: max(20, pages // 50)")
    args = parser.parse_args(argv)
    info = generate(args.out, args.pages, args.seed, args.units)
    print(f"wrote {info['pages']} pages ({info['cases']} cases), {info['units']} units, "
          f"about {info['avg_body_cjk']} CJK characters per body, into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
