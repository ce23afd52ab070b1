"""A synthetic but plausible province, generated fast, for benchmarks and load tests.

``generate_province`` fills an *empty* database with a unit tree, a cascade of
plans, shared indicators, targets, tasks and their assignments, and a handful of
accounts. Everything is written with ``bulk_create`` inside one transaction, so
the default size (about 30 000 rows) takes a few seconds on SQLite or PostgreSQL.

The data is deterministic for a given ``seed`` (dates are relative to ``today``).
Generated rows write no audit events, except one summary event.

Shape of the tree (as in ``theodoi.demo.loader``)::

    Tỉnh
    ├── 4 blocs: Tỉnh ủy, UBND tỉnh, HĐND tỉnh, Ủy ban MTTQ tỉnh
    │   └── party bodies / departments (sở, ngành) / HĐND committees / mass organisations
    └── communes and wards
        └── commune offices (Văn phòng HĐND và UBND, Phòng Kinh tế, …)
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import random
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from theodoi.accounts.models import Role, User
from theodoi.audit.services import record
from theodoi.plans.keys import indicator_key, number_key
from theodoi.plans.models import (
    Assignment,
    AssignmentRole,
    Comparator,
    DeadlineKind,
    Indicator,
    Plan,
    PlanLink,
    Recurrence,
    Target,
    Task,
)
from theodoi.units.matching import match_key
from theodoi.units.models import Unit, UnitKind, UnitLevel
from theodoi.vntext import fold

GENERATOR_ACTOR = "dữ liệu sinh tự động"
PROVINCE_NAME = "Tỉnh Lai Châu"

# (name, short name, kind of its children, children)
BLOCS: list[tuple[str, str, str, list[str]]] = [
    ("Ủy ban nhân dân tỉnh Lai Châu", "UBND tỉnh", UnitKind.DEPARTMENT, [
        "Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp",
        "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng",
        "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Văn phòng UBND tỉnh Lai Châu",
        "Thanh tra tỉnh Lai Châu", "Công an tỉnh Lai Châu", "Bộ Chỉ huy Quân sự tỉnh Lai Châu",
    ]),
    ("Tỉnh ủy Lai Châu", "Tỉnh ủy", UnitKind.PARTY_BODY, [
        "Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Ủy ban Kiểm tra Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Đảng ủy UBND tỉnh",
        "Đảng ủy Công an tỉnh", "Đảng ủy Quân sự tỉnh", "Đảng ủy Ủy ban MTTQ Việt Nam tỉnh",
    ]),
    ("Hội đồng nhân dân tỉnh Lai Châu", "HĐND tỉnh", UnitKind.DEPARTMENT, [
        "Ban Kinh tế – Ngân sách HĐND tỉnh", "Ban Văn hóa – Xã hội HĐND tỉnh",
        "Ban Pháp chế HĐND tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    ]),
    ("Ủy ban MTTQ Việt Nam tỉnh Lai Châu", "MTTQ tỉnh", UnitKind.MASS_ORG, [
        "Hội Liên hiệp Phụ nữ tỉnh Lai Châu", "Tỉnh đoàn Lai Châu", "Hội Nông dân tỉnh Lai Châu",
        "Liên đoàn Lao động tỉnh Lai Châu",
    ]),
]
COMMUNES = [
    "Phường Tân Phong", "Phường Đoàn Kết", "Xã Bình Lư", "Xã Mường Kim", "Xã Khoen On",
    "Xã Than Uyên", "Xã Mường Than", "Xã Pắc Ta", "Xã Nậm Sỏ", "Xã Tân Uyên", "Xã Mường Khoa",
    "Xã Bản Bo", "Xã Tả Lèng", "Xã Khun Há", "Xã Sin Suối Hồ", "Xã Phong Thổ", "Xã Dào San",
    "Xã Sì Lở Lầu", "Xã Khổng Lào", "Xã Tủa Sín Chải", "Xã Sìn Hồ", "Xã Hồng Thu", "Xã Nậm Tăm",
    "Xã Pu Sam Cáp", "Xã Nậm Cuổi", "Xã Nậm Mạ", "Xã Lê Lợi", "Xã Nậm Hàng", "Xã Mường Mô",
    "Xã Hua Bum", "Xã Pa Tần", "Xã Bum Nưa", "Xã Bum Tở", "Xã Mường Tè", "Xã Thu Lũm",
    "Xã Pa Ủ", "Xã Mù Cả", "Xã Tà Tổng",
]
COMMUNE_OFFICES = [
    "Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hóa – Xã hội",
    "Trung tâm Phục vụ hành chính công",
]
EXTRA_OFFICE = "Trung tâm Văn hóa, Thể thao và Truyền thông"

TOPICS = [
    "chuyển đổi số", "phát triển hạ tầng số", "phổ cập kỹ năng số cho người dân",
    "phát triển kinh tế số", "bảo đảm an toàn thông tin mạng", "xây dựng chính quyền số",
    "phát triển dữ liệu số", "đổi mới sáng tạo và khởi nghiệp",
    "ứng dụng khoa học, công nghệ trong nông nghiệp", "chuyển đổi số ngành y tế",
    "chuyển đổi số ngành giáo dục", "phát triển ứng dụng dữ liệu dân cư (Đề án 06)",
    "thanh toán không dùng tiền mặt", "phát triển thương mại điện tử",
]
SECTIONS = [
    "Nâng cao nhận thức, đổi mới tư duy, quyết tâm chính trị mạnh mẽ",
    "Hoàn thiện thể chế, chính sách",
    "Tăng cường đầu tư, hoàn thiện hạ tầng cho khoa học, công nghệ và chuyển đổi số",
    "Phát triển, trọng dụng nhân lực chất lượng cao",
    "Đẩy mạnh chuyển đổi số trong hoạt động của cơ quan nhà nước",
    "Thúc đẩy đổi mới sáng tạo, chuyển đổi số trong doanh nghiệp",
    "Tăng cường hợp tác, liên kết",
    "Kiểm tra, giám sát và tổ chức thực hiện",
]
VERBS = [
    "Tổ chức", "Xây dựng", "Triển khai", "Rà soát, hoàn thiện", "Đẩy mạnh", "Tăng cường",
    "Nâng cấp", "Tuyên truyền, phổ biến", "Đào tạo, bồi dưỡng về", "Kiểm tra, đánh giá",
]
OBJECTS = [
    "hệ thống thông tin giải quyết thủ tục hành chính", "cơ sở dữ liệu dân cư",
    "hạ tầng mạng di động 5G", "nền tảng chia sẻ, tích hợp dữ liệu", "kỹ năng số cho cán bộ, công chức",
    "dịch vụ công trực tuyến toàn trình", "ứng dụng VNeID", "hồ sơ sức khỏe điện tử",
    "học bạ số", "sàn thương mại điện tử cho sản phẩm OCOP", "trung tâm điều hành thông minh",
    "quy chế bảo đảm an toàn thông tin", "chương trình hỗ trợ doanh nghiệp khởi nghiệp sáng tạo",
    "các đề tài, dự án khoa học và công nghệ", "hạ tầng cáp quang đến thôn, bản",
]
TAILS = [
    " trên địa bàn tỉnh", " cho cán bộ, công chức, viên chức", "", " theo Nghị quyết số 57-NQ/TW",
    " ở vùng đồng bào dân tộc thiểu số", " tại các xã biên giới", " đến năm 2030",
]
OUTPUTS = [
    "Báo cáo kết quả thực hiện", "Kế hoạch được ban hành", "Hệ thống được đưa vào vận hành",
    "Quyết định phê duyệt", "Hội nghị, lớp tập huấn", "", "",
]
# (name, unit of measure, lowest, highest typical value)
INDICATORS: list[tuple[str, str, int, int]] = [
    ("Tỷ lệ phủ sóng 5G", "%", 30, 100),
    ("Tỷ lệ hộ gia đình sử dụng Internet cáp quang", "%", 50, 100),
    ("Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "%", 40, 100),
    ("Tỷ lệ người trưởng thành có tài khoản định danh điện tử mức 2", "%", 60, 100),
    ("Tỷ trọng kinh tế số trong GRDP", "%", 5, 30),
    ("Số doanh nghiệp công nghệ số", "doanh nghiệp", 10, 200),
    ("Chi cho nghiên cứu và phát triển so với GRDP", "%", 1, 3),
    ("Tỷ lệ người dân có kỹ năng số cơ bản", "%", 50, 90),
    ("Số sáng chế, giải pháp hữu ích được cấp văn bằng", "văn bằng", 2, 40),
    ("Tỷ lệ cơ sở dữ liệu chuyên ngành được kết nối, chia sẻ", "%", 50, 100),
    ("Tỷ lệ thôn, bản có sóng di động băng rộng", "%", 80, 100),
    ("Tỷ lệ trường học triển khai học bạ số", "%", 60, 100),
    ("Tỷ lệ cơ sở y tế triển khai bệnh án điện tử", "%", 40, 100),
    ("Số sản phẩm OCOP được bán trên sàn thương mại điện tử", "sản phẩm", 20, 300),
    ("Tỷ lệ giao dịch thanh toán không dùng tiền mặt", "%", 30, 80),
    ("Số nhiệm vụ khoa học và công nghệ được nghiệm thu", "nhiệm vụ", 5, 60),
    ("Tỷ lệ văn bản điện tử có ký số trao đổi giữa các cơ quan", "%", 90, 100),
    ("Số cán bộ được đào tạo chuyên sâu về chuyển đổi số", "người", 50, 1000),
]
INDICATOR_SCOPES = [
    "", " khu vực nông thôn", " ở vùng đồng bào dân tộc thiểu số", " của khối cơ quan Đảng",
    " cấp xã", " khu vực biên giới",
]
QUALITATIVE = ["Duy trì", "Hoàn thành", "Cơ bản hoàn thành", "Đạt chuẩn"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
RECURRING_LABELS = {
    Recurrence.CONTINUOUS: "Thường xuyên", Recurrence.MONTHLY: "Hằng tháng",
    Recurrence.QUARTERLY: "Hằng quý", Recurrence.HALF_YEARLY: "6 tháng một lần",
    Recurrence.YEARLY: "Hằng năm",
}
BUSY_DEPARTMENT = "Sở Khoa học và Công nghệ"


@dataclass
class _PlanSpec:
    plan: Plan
    tier: int  # 0 Tỉnh ủy, 1 UBND/HĐND tỉnh, 2 departments, 3 communes
    commune: Unit | None = None
    n_tasks: int = 0
    n_targets: int = 0
    parents: list[Plan] = field(default_factory=list)


def _split(total: int, parts: int, rng: random.Random, skew: float = 0.6) -> list[int]:
    """``total`` split into ``parts`` counts, largest first (a Zipf-like spread, like real plans)."""
    if parts <= 0:
        return []
    weights = [1 / (i + 1) ** skew for i in range(parts)]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for i in range(total - sum(counts)):
        counts[i % parts] += 1
    return counts


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _deadline(rng: random.Random, today: dt.date) -> dict[str, Any]:
    """A task deadline as plans print it: past or future dates, months, quarters, years,
    recurring work, or nothing."""
    kind = rng.choices(
        [DeadlineKind.DATE, DeadlineKind.MONTH, DeadlineKind.QUARTER, DeadlineKind.YEAR,
         DeadlineKind.RECURRING, DeadlineKind.NONE],
        weights=[30, 10, 15, 15, 20, 10],
    )[0]
    day = today + dt.timedelta(days=rng.randint(-365, 3 * 365))
    if kind == DeadlineKind.DATE:
        return {"deadline_kind": kind, "due_date": day, "deadline_raw": f"Trước ngày {day:%d/%m/%Y}"}
    if kind == DeadlineKind.MONTH:
        return {"deadline_kind": kind, "due_date": _last_day(day.year, day.month),
                "deadline_raw": f"Tháng {day.month}/{day.year}"}
    if kind == DeadlineKind.QUARTER:
        q = (day.month - 1) // 3 + 1
        return {"deadline_kind": kind, "due_date": _last_day(day.year, 3 * q),
                "deadline_raw": f"Quý {ROMAN[q - 1]}/{day.year}"}
    if kind == DeadlineKind.YEAR:
        return {"deadline_kind": kind, "due_date": dt.date(day.year, 12, 31),
                "deadline_raw": f"Năm {day.year}"}
    if kind == DeadlineKind.RECURRING:
        every = rng.choices(list(RECURRING_LABELS), weights=[50, 20, 15, 5, 10])[0]
        return {"deadline_kind": kind, "recurrence": every, "deadline_raw": RECURRING_LABELS[every]}
    return {"deadline_kind": DeadlineKind.NONE, "deadline_raw": ""}


def _abbrev(name: str) -> str:
    """'Sở Khoa học và Công nghệ' -> 'SKHCN' (the suffix officials put in a number)."""
    words = [w for w in name.replace(",", " ").split() if w[0].isupper()]
    return "".join(w[0] for w in words).upper()


def _with_paths(units: list[Unit]) -> None:
    """Set path/depth the way ``Unit.save`` would; bulk_create skips ``save``."""
    for u in units:
        parent_path = u.parent.path if u.parent_id else ""
        u.path = f"{parent_path}{u.pk:06d}/"
        u.depth = u.path.count("/") - 1


def _create_units(n_units: int, rng: random.Random) -> dict[str, Any]:
    """The unit tree, about ``n_units`` units, created level by level (paths need parents' pks)."""
    province = Unit(name=PROVINCE_NAME, short_name="Lai Châu", kind=UnitKind.PROVINCE,
                    level=UnitLevel.PROVINCE, key=match_key(PROVINCE_NAME))
    Unit.objects.bulk_create([province])
    _with_paths([province])
    Unit.objects.bulk_update([province], ["path", "depth"])

    rest = max(n_units - 1 - len(BLOCS), 0)
    # About a quarter of the rest are provincial bodies, the others communes with their offices.
    n_bodies = max(2, round(rest * 0.22))
    per_commune = 1 + len(COMMUNE_OFFICES)
    n_communes = max(1, (rest - n_bodies) // per_commune)
    n_bodies = max(2, rest - n_communes * per_commune)

    level1 = [Unit(name=name, short_name=short, kind=UnitKind.BLOC, level=UnitLevel.PROVINCE,
                   parent=province, key=match_key(name)) for name, short, _, _ in BLOCS]
    communes = []
    for i in range(n_communes):
        name = COMMUNES[i % len(COMMUNES)]
        if i >= len(COMMUNES):
            name = f"{name} {i // len(COMMUNES) + 1}"
        kind = UnitKind.WARD if name.startswith("Phường") else UnitKind.COMMUNE
        communes.append(Unit(name=name, kind=kind, level=UnitLevel.COMMUNE, parent=province,
                             key=match_key(name)))
    Unit.objects.bulk_create(level1 + communes)
    _with_paths(level1 + communes)
    Unit.objects.bulk_update(level1 + communes, ["path", "depth"])

    # Bodies taken round-robin from the blocs (UBND first), so a small tree has some of each.
    queues = [list(children) for _, _, _, children in BLOCS]
    bodies: list[Unit] = []
    round_no = 0
    while len(bodies) < n_bodies:
        for bloc, (_, _, kind, _), queue in zip(level1, BLOCS, queues, strict=True):
            if len(bodies) >= n_bodies:
                break
            if not queue:
                queue.extend(f"{c} ({round_no + 2})" for c in BLOCS[level1.index(bloc)][3])
            name = queue.pop(0)
            bodies.append(Unit(name=name, kind=kind, level=UnitLevel.PROVINCE, parent=bloc,
                               key=match_key(name)))
        round_no += 1
    offices = [
        Unit(name=office, kind=UnitKind.COMMUNE_OFFICE, level=UnitLevel.COMMUNE, parent=c,
             key=match_key(office))
        for c in communes for office in COMMUNE_OFFICES
    ]
    Unit.objects.bulk_create(bodies + offices)
    _with_paths(bodies + offices)
    Unit.objects.bulk_update(bodies + offices, ["path", "depth"])
    offices_of = {c.pk: [o for o in offices if o.parent_id == c.pk] for c in communes}
    return {"province": province, "blocs": level1, "bodies": bodies, "communes": communes,
            "offices_of": offices_of, "count": 1 + len(level1) + len(communes) + len(bodies) + len(offices)}


def _plan_title(rng: random.Random, tier: int, issuer: Unit, parent: Plan | None, year: int,
                first: bool) -> str:
    topic = rng.choice(TOPICS)
    if tier == 0:
        if first:
            return ("Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về "
                    "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia")
        return f"Kế hoạch của Ban Thường vụ Tỉnh ủy về {topic} giai đoạn 2025–2030"
    area = "trên địa bàn tỉnh" if tier < 3 else f"trên địa bàn {issuer.name.lower()}"
    if parent is not None and rng.random() < 0.6:
        return (f"Kế hoạch triển khai {parent.kind.lower()} số {parent.number} về {topic} "
                f"{area} năm {year}")
    return f"Kế hoạch {topic} {area} giai đoạn {year}–2030"


def _create_plans(n_plans: int, tree: dict[str, Any], rng: random.Random,
                  today: dt.date) -> list[_PlanSpec]:
    """Plans in four tiers (Tỉnh ủy → UBND/HĐND → departments → communes) linked as a cascade."""
    bloc_tu, bloc_ubnd, bloc_hdnd = tree["blocs"][1], tree["blocs"][0], tree["blocs"][2]
    n0 = max(1, round(n_plans * 0.1))
    n1 = max(1, round(n_plans * 0.2))
    n3 = max(0, round(n_plans * 0.3))
    n2 = max(0, n_plans - n0 - n1 - n3)
    tiers = [0] * n0 + [1] * n1 + [2] * n2 + [3] * n3
    tiers = tiers[:n_plans]
    specs: list[_PlanSpec] = []
    for i, tier in enumerate(tiers):
        seq = 10 + i * 3 + rng.randint(0, 2)  # distinct per plan, so numbers are unique
        commune = None
        if tier == 0:
            issuer, number = bloc_tu, f"{seq}-KH/TU"
        elif tier == 1:
            if i == n0 or rng.random() < 0.75:
                issuer, number = bloc_ubnd, f"{seq}/KH-UBND"
            else:
                issuer, number = bloc_hdnd, f"{seq}/KH-HĐND"
        elif tier == 2:
            issuer = rng.choice(tree["bodies"])
            number = f"{seq}/KH-{_abbrev(issuer.name)}"
        else:
            commune = issuer = rng.choice(tree["communes"])
            number = f"{seq}/KH-UBND.{_abbrev(issuer.name.split(' ', 1)[-1])}"
        year = rng.choice([2025, 2025, 2026])
        date = today - dt.timedelta(days=rng.randint(10, 500))
        plan = Plan(kind="KẾ HOẠCH", number=number, number_key=number_key(number), date=date,
                    place="Lai Châu", issuer=issuer.name, issuing_unit=issuer, title="")
        # Tier 0 carries out the Politburo's resolution (not in the system); the others carry
        # out one or two plans of the tiers above (communes: those of the province bodies).
        upper = [s.plan for s in specs if s.tier < tier and (tier < 3 or s.tier >= 1)]
        parents = rng.sample(upper, min(len(upper), rng.choice([1, 1, 2]))) if tier else []
        plan.title = _plan_title(rng, tier, issuer, parents[0] if parents else None, year, i == 0)
        plan.content_hash = hashlib.sha256(plan.number_key.encode()).hexdigest()
        plan.search_text = fold(" \n ".join([plan.number, plan.title, plan.issuer, plan.kind]))
        specs.append(_PlanSpec(plan=plan, tier=tier, commune=commune, parents=parents))
    Plan.objects.bulk_create([s.plan for s in specs])

    links = []
    for spec in specs:
        if spec.tier == 0:
            links.append(PlanLink(plan=spec.plan, number="57-NQ/TW", number_key=number_key("57-NQ/TW"),
                                  position=0))
            continue
        for pos, parent in enumerate(spec.parents):
            links.append(PlanLink(plan=spec.plan, number=parent.number, number_key=parent.number_key,
                                  parent=parent, position=pos))
    PlanLink.objects.bulk_create(links)
    return specs


def _create_indicators(n_targets: int, rng: random.Random) -> list[Indicator]:
    """A pool of indicators, about one per fifteen targets, so that plans share them."""
    size = max(5, n_targets // 15)
    pool = []
    for i in range(size):
        name, uom, _, _ = INDICATORS[i % len(INDICATORS)]
        scope = INDICATOR_SCOPES[(i // len(INDICATORS)) % len(INDICATOR_SCOPES)]
        variant = i // (len(INDICATORS) * len(INDICATOR_SCOPES))
        full = f"{name}{scope}" + (f" (nhóm {variant + 1})" if variant else "")
        pool.append(Indicator(name=full, key=indicator_key(full) or fold(full), unit_of_measure=uom,
                              is_cumulative=uom == "%"))
    Indicator.objects.bulk_create(pool)
    return pool


def _target(rng: random.Random, plan: Plan, indicator: Indicator, position: int, year: int,
            code: str, group: str) -> Target:
    base = next(x for x in INDICATORS if indicator.name.startswith(x[0]))
    low, high = base[2], base[3]
    comparator = rng.choices([Comparator.GTE, Comparator.LTE, Comparator.EQ, Comparator.RANGE,
                              Comparator.QUALITATIVE], weights=[60, 10, 10, 10, 10])[0]
    value = value_max = None
    qualitative = ""
    if comparator == Comparator.QUALITATIVE:
        qualitative = rng.choice(QUALITATIVE)
        text = f"{indicator.name}: {qualitative.lower()}"
    else:
        span = max(1, (high - low) // 5)
        value = Decimal(rng.randint(low, max(low, high - span)))
        if comparator == Comparator.RANGE:
            value_max = value + span
            bound = f"từ {value} đến {value_max}"
        else:
            bound = {">=": "đạt tối thiểu", "<=": "không quá", "=": "đạt"}[comparator] + f" {value}"
        uom = indicator.unit_of_measure
        text = f"{indicator.name} {bound}{uom if uom == '%' else ' ' + uom}"
    return Target(plan=plan, indicator=indicator, position=position, group=group, code=code,
                  text=f"{text} vào năm {year}", unit=indicator.unit_of_measure, comparator=comparator,
                  value=value, value_max=value_max, qualitative=qualitative, year=year,
                  deadline=dt.date(year, 12, 31))


def generate_province(
    *,
    units: int = 150,
    plans: int = 60,
    tasks: int = 6000,
    targets: int = 1500,
    seed: int = 1,
    today: dt.date | None = None,
    password: str | None = None,
) -> dict[str, Any]:
    """Fill an empty database with a plausible province; return what benchmarks need.

    ``units``, ``plans``, ``tasks`` and ``targets`` are approximate sizes (the tree
    keeps its shape, so ``units`` is met within a few). Tasks and targets are spread
    over plans the way real plans are: a few big ones, many small ones; the biggest
    plan is the UBND tỉnh plan. Leads lean towards Sở Khoa học và Công nghệ (the
    standing body) and the first commune, so both are "busy".

    Accounts (usernames ``mau.thuongtruc``, ``mau.lanhdao``, ``mau.xa``, ``mau.so``)
    get an unusable password unless ``password`` is given (hashing is slow; benchmarks
    use ``force_login``).

    Returns a dict with ``big_plan_id`` (most tasks), ``busy_unit_id`` (the unit with
    most open assignments), ``commune_id`` and ``department_id`` (the unit officers'
    units), ``users`` (role name -> user id) and ``counts`` (rows per model).
    Raises ``ValueError`` when the database already holds units or plans.
    """
    if min(units, plans) < 1 or min(tasks, targets) < 0:
        raise ValueError("generate_province needs at least one unit and one plan.")
    if Unit.objects.exists() or Plan.objects.exists():
        raise ValueError("generate_province needs an empty database (units or plans exist).")
    rng = random.Random(seed)
    today = today or timezone.localdate()
    with transaction.atomic():
        tree = _create_units(units, rng)
        specs = _create_plans(plans, tree, rng, today)
        indicators = _create_indicators(targets, rng)
        bodies, communes, offices_of = tree["bodies"], tree["communes"], tree["offices_of"]
        busy_dept = next((b for b in bodies if b.name == BUSY_DEPARTMENT), bodies[0])
        busy_commune = communes[0]

        # The biggest share goes to the first UBND plan, the rest at random.
        task_counts = _split(tasks, len(specs), rng)
        target_counts = _split(targets, len(specs), rng)
        big = next((s for s in specs if s.tier == 1), specs[0])
        others = [s for s in specs if s is not big]
        rng.shuffle(others)
        for spec, n_tasks, n_targets in zip([big, *others], task_counts, target_counts, strict=True):
            spec.n_tasks, spec.n_targets = n_tasks, n_targets

        province_leads = bodies + communes
        # Weights make a busy department and a busy commune, as in real provinces.
        lead_weights = [12.0 if u is busy_dept else 4.0 if u is busy_commune else 1.0
                        for u in province_leads]

        all_targets: list[Target] = []
        all_tasks: list[Task] = []
        lead_of: dict[int, Unit] = {}  # id(row) -> lead unit
        partners_of: dict[int, list[Unit]] = {}
        for spec in specs:
            plan = spec.plan
            local = ([spec.commune, *offices_of[spec.commune.pk]] if spec.commune else None)

            def pick_lead(local: list[Unit] | None = local) -> Unit:
                if local:
                    return rng.choice(local)
                return rng.choices(province_leads, weights=lead_weights)[0]

            year_now = plan.date.year if plan.date else today.year
            groups = [(f"Mục tiêu đến năm {year_now + 1}", year_now + 1), ("Mục tiêu đến năm 2030", 2030)]
            for pos in range(spec.n_targets):
                group, year = groups[0] if pos < spec.n_targets // 2 else groups[1]
                indicator = indicators[min(int(rng.expovariate(1 / 8)), len(indicators) - 1)]
                t = _target(rng, plan, indicator, pos, year, str(pos + 1), group)
                all_targets.append(t)
                lead_of[id(t)] = pick_lead()

            n_sections = min(len(SECTIONS), max(1, spec.n_tasks // 15 + 1))
            per_section = _split(spec.n_tasks, n_sections, rng, skew=0.2)
            pos = 0
            for s_idx, n_in_section in enumerate(per_section):
                section = ROMAN[s_idx]
                for k in range(n_in_section):
                    text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."
                    task = Task(plan=plan, position=pos, section_code=section,
                                section_title=SECTIONS[s_idx], code=f"{section}.{k + 1}", text=text,
                                output=rng.choice(OUTPUTS), **_deadline(rng, today))
                    all_tasks.append(task)
                    lead = pick_lead()
                    pool = local or province_leads
                    partners = [u for u in rng.sample(pool, min(len(pool), rng.randint(0, 3)))
                                if u is not lead]
                    if spec is big and pos == 0:
                        # Both unit officers take part in the big plan, so they may open it.
                        lead, partners = busy_dept, [busy_commune]
                    lead_of[id(task)] = lead
                    partners_of[id(task)] = partners
                    pos += 1
        Target.objects.bulk_create(all_targets, batch_size=2000)
        Task.objects.bulk_create(all_tasks, batch_size=2000)

        now = timezone.now()
        assignments: list[Assignment] = []
        for t in all_targets:
            unit = lead_of[id(t)]
            assignments.append(Assignment(target=t, unit=unit, role=AssignmentRole.LEAD,
                                          raw_name=unit.name, position=0))
        for i, task in enumerate(all_tasks):
            lead = lead_of[id(task)]
            if i % 97 == 0 and lead.parent_id:
                # A few leads were moved from another unit (mergers): a closed assignment.
                old = rng.choice(bodies)
                assignments.append(Assignment(task=task, unit=old, role=AssignmentRole.LEAD,
                                              raw_name=old.name, position=0, ended_at=now,
                                              end_reason="Sáp nhập đơn vị"))
            assignments.append(Assignment(task=task, unit=lead, role=AssignmentRole.LEAD,
                                          raw_name=lead.name, position=0))
            for p, unit in enumerate(partners_of[id(task)]):
                assignments.append(Assignment(task=task, unit=unit, role=AssignmentRole.PARTNER,
                                              raw_name=unit.name, position=100 + p))
        Assignment.objects.bulk_create(assignments, batch_size=2000)

        accounts = [
            ("standing", "mau.thuongtruc", Role.STANDING, busy_dept, "Chuyên viên thường trực"),
            ("leader", "mau.lanhdao", Role.LEADER, None, "Lãnh đạo tỉnh"),
            ("commune_officer", "mau.xa", Role.UNIT_OFFICER, busy_commune,
             f"Chuyên viên UBND {busy_commune.name.lower()}"),
            ("department_officer", "mau.so", Role.UNIT_OFFICER, busy_dept,
             f"Chuyên viên {busy_dept.name}"),
        ]
        users = []
        for _, username, role, unit, full_name in accounts:
            user = User(username=username, role=role, unit=unit, full_name=full_name, is_demo=True)
            if password:
                user.set_password(password)
            else:
                user.set_unusable_password()
            users.append(user)
        User.objects.bulk_create(users)

        open_counts = Counter(a.unit.pk for a in assignments if a.ended_at is None)
        counts = {
            "units": tree["count"], "plans": len(specs), "plan_links": PlanLink.objects.count(),
            "indicators": len(indicators), "targets": len(all_targets), "tasks": len(all_tasks),
            "assignments": len(assignments), "users": len(users),
        }
        record(actor=GENERATOR_ACTOR, action="generate", object_type="demo.province",
               object_repr=PROVINCE_NAME, changes={"counts": counts},
               message=f"Sinh dữ liệu mẫu (seed {seed}): " + ", ".join(
                   f"{v} {k}" for k, v in counts.items()))

    return {
        "big_plan_id": big.plan.pk,
        "busy_unit_id": open_counts.most_common(1)[0][0],
        "commune_id": busy_commune.pk,
        "department_id": busy_dept.pk,
        "province_id": tree["province"].pk,
        "users": {key: u.pk for (key, *_), u in zip(accounts, users, strict=True)},
        "counts": counts,
        "rows": sum(counts.values()),
    }


# ---------------------------------------------------------------- report history (additive)

DIFFICULTIES = [
    "Kinh phí bố trí cho nhiệm vụ chưa kịp thời.",
    "Hạ tầng mạng tại các thôn, bản vùng sâu còn hạn chế.",
    "Thiếu cán bộ chuyên trách về chuyển đổi số.",
    "Phần mềm dùng chung chưa kết nối được với cơ sở dữ liệu chuyên ngành.",
]
PROPOSALS = [
    "Đề nghị Sở Tài chính tham mưu bố trí kinh phí năm sau.",
    "Đề nghị Sở Khoa học và Công nghệ hướng dẫn quy trình số hóa hồ sơ.",
    "Đề nghị điều chỉnh thời hạn hoàn thành sang quý sau.",
]


def generate_reports(*, today: dt.date | None = None, periods: int = 24, seed: int = 1,
                     frequency: str = "monthly") -> dict[str, int]:
    """Reports of the last ``periods`` closed periods for every expected unit, written in bulk.

    Plausible history for dashboards and benchmarks: each unit sends ~85 % of its
    reports on time, ~10 % late, the rest never; tasks progress period after period,
    most dated tasks are reported done around their deadline (some late, some never,
    so some are overdue), values of targets climb towards their goals. The latest
    period's reports are sent but not all accepted yet. No audit events (bulk rows),
    like ``generate_province``; returns counts.
    """
    from theodoi.reporting.models import (
        ReportingPeriod,
        ReportVersion,
        TargetReport,
        TaskReport,
        UnitReport,
    )
    from theodoi.reporting.scope import open_assignments
    from theodoi.reporting.services import ensure_periods

    rng = random.Random(seed)
    today = today or timezone.localdate()
    ensure_periods(today=today)
    closed = list(ReportingPeriod.objects.filter(frequency=frequency, due__lt=today)
                  .order_by("-end")[:periods])[::-1]
    by_unit: dict[int, tuple[list[int], list[int]]] = {}
    for unit_id, task_id, target_id in open_assignments(frequency).values_list(
            "unit_id", "task_id", "target_id").order_by("unit_id", "id"):
        tasks, targets = by_unit.setdefault(unit_id, ([], []))
        (tasks if task_id else targets).append(task_id or target_id)
    task_info = {t["id"]: t for t in Task.objects.filter(
        pk__in=[t for ts, _ in by_unit.values() for t in ts]).values("id", "due_date", "deadline_kind")}
    target_info = {t["id"]: t for t in Target.objects.filter(
        pk__in=[t for _, cs in by_unit.values() for t in cs]).values("id", "value", "comparator")}
    # Per task and unit: when (if ever) it is reported done; per target a starting share.
    done_day: dict[tuple[int, int], dt.date | None] = {}
    for unit_id, (tasks, _targets) in by_unit.items():
        for task_id in tasks:
            due = task_info[task_id]["due_date"]
            roll = rng.random()
            if task_info[task_id]["deadline_kind"] == "recurring" or roll < 0.15:
                done_day[(unit_id, task_id)] = None
            elif due is not None:
                done_day[(unit_id, task_id)] = due + dt.timedelta(days=rng.randint(-120, 60))
            else:
                done_day[(unit_id, task_id)] = today - dt.timedelta(days=rng.randint(0, 700))
    start_share = {c: rng.uniform(0.4, 0.9) for c in target_info}
    counts = {"periods": len(closed), "reports": 0, "task_items": 0, "target_items": 0}
    with transaction.atomic():
        for index, p in enumerate(closed):
            last = index == len(closed) - 1
            reports = []
            for unit_id in by_unit:
                roll = rng.random()
                if roll > 0.95:
                    continue  # never sent
                sent = p.due - dt.timedelta(days=rng.randint(0, 3)) if roll < 0.85 else \
                    p.due + dt.timedelta(days=rng.randint(1, 10))
                sent_at = timezone.make_aware(dt.datetime.combine(sent, dt.time(9)))
                accepted = not last or rng.random() < 0.6
                reports.append(UnitReport(
                    period=p, unit_id=unit_id, state="accepted" if accepted else "submitted",
                    version=1, first_sent_at=sent_at, sent_at=sent_at,
                    accepted_at=sent_at + dt.timedelta(days=1) if accepted else None,
                    summary="Báo cáo sinh tự động."))
            UnitReport.objects.bulk_create(reports, batch_size=2000)
            ReportVersion.objects.bulk_create(
                [ReportVersion(report=r, number=1, snapshot={"generated": True},
                               decision="accepted" if r.state == "accepted" else "")
                 for r in reports], batch_size=2000)
            t_items, c_items = [], []
            share = (index + 1) / max(1, len(closed))
            for r in reports:
                tasks, targets = by_unit[r.unit_id]
                for task_id in tasks:
                    done_on = done_day[(r.unit_id, task_id)]
                    if done_on is not None and done_on <= p.end:
                        t_items.append(TaskReport(
                            report=r, task_id=task_id, status="done", progress=100,
                            completed_on=done_on, done_text="Đã hoàn thành, ban hành văn bản.",
                            doc_numbers=f"{100 + task_id % 900}/QĐ-UBND"))
                        continue
                    hard = rng.random() < 0.08
                    t_items.append(TaskReport(
                        report=r, task_id=task_id, status="ongoing",
                        progress=min(95, int(100 * share * rng.uniform(0.5, 1.0))),
                        done_text="Đang triển khai theo kế hoạch.",
                        difficulties=rng.choice(DIFFICULTIES) if hard else "",
                        proposals=rng.choice(PROPOSALS) if hard else ""))
                for target_id in targets:
                    info = target_info[target_id]
                    if info["comparator"] == "qualitative" or info["value"] is None:
                        c_items.append(TargetReport(report=r, target_id=target_id,
                                                    qualitative_met=rng.random() < share,
                                                    source="Báo cáo đơn vị", as_of=p.end))
                        continue
                    goal = float(info["value"])
                    level = start_share[target_id] + (1.1 - start_share[target_id]) * share
                    c_items.append(TargetReport(
                        report=r, target_id=target_id,
                        value=Decimal(str(round(goal * level * rng.uniform(0.95, 1.02), 2))),
                        source="Báo cáo đơn vị", as_of=p.end))
            TaskReport.objects.bulk_create(t_items, batch_size=2000)
            TargetReport.objects.bulk_create(c_items, batch_size=2000)
            counts["reports"] += len(reports)
            counts["task_items"] += len(t_items)
            counts["target_items"] += len(c_items)
    return counts
