"""The plan page: upload next year's plan, see the drafted campaign beside its sentences, download it.

``GET /plan`` shows the upload form; ``POST /plan`` (CSRF-checked, at most
:data:`~bot.staff.plan_draft.MAX_PLAN_BYTES` plus the form's overhead, refused before
the body is read when the declared length is larger) reads the plan through
:func:`bot.staff.plan_draft.draft_from_bytes` off the event loop and shows every
drafted value beside the plan's sentence it came from, and what the operator must
still fill.  The TOML is kept in memory for the user who made it (a few drafts per
process, never on disk) and served by ``GET /plan/draft/{token}`` as an attachment,
``text/plain``, ``nosniff``: never rendered as a page.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from dataclasses import dataclass

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.campaign.draft_model import Draft
from bot.staff.plan_draft import MAX_PLAN_BYTES, PlanUnreadable, draft_from_bytes
from bot.web.common import checked_form, current_user, in_thread, render, require_user, state
from bot.web.downloads import content_disposition

FORM_OVERHEAD = 64 * 1024
KEPT_DRAFTS = 16


@dataclass(frozen=True)
class _Kept:
    user: str
    filename: str
    toml: str


def _kept(request: Request) -> OrderedDict[str, _Kept]:
    st = state(request)
    if not hasattr(st, "plan_drafts"):
        st.plan_drafts = OrderedDict()
    return st.plan_drafts  # type: ignore[no-any-return]


def rows(draft: Draft) -> list[tuple[str, list[tuple[str, str]]]]:
    """(section title, [(value as the file writes it, the plan's sentence)]) for the page."""
    deliverables = []
    for d in draft.deliverables:
        per = (
            "mỗi đơn vị"
            if d.scope == "unit"
            else "mỗi người được đề nghị (" + ", ".join(d.nominee_kinds) + ")"
        )
        deliverables.append((f"{d.id}: {d.name} — {per}, hạn {d.deadline or 'TODO'}", d.source))
    head = [(f"{label}: {v.value}", v.source) for label, v in (
        ("reference", draft.reference), ("title", draft.title), ("issuer", draft.issuer),
        ("intake_address", draft.intake_address)) if v is not None]  # fmt: skip
    rules = []
    if draft.summary:
        rules.append(
            (f"{draft.summary_deliverable}: tối đa {draft.summary.value} trang A4", draft.summary.source)
        )
    return [
        ("Thông tin chung", head),
        ("Hạn nộp", [(f"{d.id}: {d.date:%d/%m/%Y} — {d.label}", d.source) for d in draft.deadlines]),
        ("Hồ sơ phải nộp", deliverables),
        (
            "Số lượng đề nghị",
            [
                (f"{k.name}: {k.tap_the} tập thể, {k.ca_nhan} cá nhân, tổng {k.total}", k.source)
                for k in draft.unit_kinds
            ],
        ),
        ("Quy định về tài liệu", rules),
        (
            f"Đề cương báo cáo ({draft.outline_deliverable or 'TODO'})",
            [(s.title, s.source) for s in draft.outline],
        ),
        ("Mốc thời gian của cán bộ", [(f"{m.date:%d/%m/%Y}: {m.label}", m.source) for m in draft.milestones]),
    ]


async def plan_page(request: Request) -> Response:
    require_user(request)
    return render(request, "plan.html", {"max_mb": MAX_PLAN_BYTES // (1024 * 1024)})


async def plan_upload(request: Request) -> Response:
    user = require_user(request)
    declared = request.headers.get("content-length")
    if declared is None:
        raise HTTPException(411, "Cần gửi kèm độ dài nội dung.")
    if not declared.isdigit() or int(declared) > MAX_PLAN_BYTES + FORM_OVERHEAD:
        raise HTTPException(413, f"Tệp kế hoạch quá lớn (tối đa {MAX_PLAN_BYTES // (1024 * 1024)} MB).")
    context = {"max_mb": MAX_PLAN_BYTES // (1024 * 1024)}
    try:
        form = await checked_form(request)
        upload = form.get("plan")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return render(
                request, "plan.html", {**context, "error": "Chưa chọn tệp kế hoạch."}, status_code=400
            )
        data = await upload.read(MAX_PLAN_BYTES + 1)
        filename = upload.filename
    finally:
        await request.close()  # the parsed form's spooled files, also when the CSRF check fails
    name = filename.replace("/", "_").replace("\\", "_")[-120:]
    try:
        made = await in_thread(draft_from_bytes, data, name)
    except PlanUnreadable as e:
        return render(
            request, "plan.html", {**context, "error": f"Không đọc được tệp {name}: {e.reason}"}, 422
        )
    kept = _kept(request)
    token = secrets.token_urlsafe(16)
    kept[token] = _Kept(user, name.rsplit(".", 1)[0] + ".toml", made.toml)
    while len(kept) > KEPT_DRAFTS:
        kept.popitem(last=False)
    return render(
        request,
        "plan.html",
        {
            **context,
            "draft": made.draft,
            "rows": rows(made.draft),
            "token": token,
            "filename": name,
            "method": made.method,
            "toml": made.toml,
        },  # fmt: skip
    )


async def plan_download(request: Request) -> Response:
    user = current_user(request)
    if not user:
        raise HTTPException(403, "Cần đăng nhập bằng tài khoản cán bộ để tải tệp.")
    kept = _kept(request).get(request.path_params["token"])
    if kept is None or kept.user != user:
        raise HTTPException(404, "Bản nháp không còn (hãy tải kế hoạch lên lại).")
    return Response(
        kept.toml.encode("utf-8"),
        media_type="text/plain; charset=utf-8",
        headers={
            "Content-Disposition": content_disposition(kept.filename),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        },
    )


routes = [
    Route("/plan", plan_page, methods=["GET"]),
    Route("/plan", plan_upload, methods=["POST"]),
    Route("/plan/draft/{token}", plan_download, methods=["GET"]),
]
