"""HTTP routes of the loans router (a Blueprint): Loan at /api/loans/; Member at /api/loans/members (nested: no router of its own serves it)."""

from flask import Blueprint
from flask.typing import ResponseReturnValue

from library import wiring
from library.core.db import unit_of_work
from library.schemas.loan import LoanCreate, LoanUpdate
from library.schemas.member import MemberCreate, MemberUpdate
from library.tasks.reminders import enqueue_send_confirmation
from library.web import page_args, parse_body

loans_router = Blueprint("loans", __name__, url_prefix="/api/loans")


@loans_router.post("/")
def create_loan() -> ResponseReturnValue:
    data = parse_body(LoanCreate)
    with unit_of_work() as defer:
        service = wiring.loan_service(defer)
        item = service.create_loan(data)
    return item.model_dump(mode="json"), 201


@loans_router.get("/")
def list_loans() -> ResponseReturnValue:
    page = page_args()
    with unit_of_work() as defer:
        service = wiring.loan_service(defer)
        items = service.list_loans(page.offset, page.limit)
    return [item.model_dump(mode="json") for item in items]


@loans_router.post("/members")
def create_member() -> ResponseReturnValue:
    data = parse_body(MemberCreate)
    with unit_of_work() as defer:
        service = wiring.loan_service(defer)
        item = service.create_member(data)
    return item.model_dump(mode="json"), 201


@loans_router.get("/members")
def list_members() -> ResponseReturnValue:
    page = page_args()
    with unit_of_work() as defer:
        service = wiring.loan_service(defer)
        items = service.list_members(page.offset, page.limit)
    return [item.model_dump(mode="json") for item in items]


@loans_router.get("/members/<int:item_id>")
def get_member(item_id: int) -> ResponseReturnValue:
    with unit_of_work() as defer:
        service = wiring.loan_service(defer)
        item = service.get_member(item_id)
    return item.model_dump(mode="json")


@loans_router.patch("/members/<int:item_id>")
def update_member(item_id: int) -> ResponseReturnValue:
    data = parse_body(MemberUpdate)
    with unit_of_work() as defer:
        service = wiring.loan_service(defer)
        item = service.update_member(item_id, data)
    return item.model_dump(mode="json")


@loans_router.delete("/members/<int:item_id>")
def delete_member(item_id: int) -> ResponseReturnValue:
    with unit_of_work() as defer:
        service = wiring.loan_service(defer)
        service.delete_member(item_id)
    return "", 204


@loans_router.get("/<int:item_id>")
def get_loan(item_id: int) -> ResponseReturnValue:
    with unit_of_work() as defer:
        service = wiring.loan_service(defer)
        item = service.get_loan(item_id)
    return item.model_dump(mode="json")


@loans_router.patch("/<int:item_id>")
def update_loan(item_id: int) -> ResponseReturnValue:
    data = parse_body(LoanUpdate)
    with unit_of_work() as defer:
        service = wiring.loan_service(defer)
        item = service.update_loan(item_id, data)
    return item.model_dump(mode="json")


@loans_router.delete("/<int:item_id>")
def delete_loan(item_id: int) -> ResponseReturnValue:
    with unit_of_work() as defer:
        service = wiring.loan_service(defer)
        service.delete_loan(item_id)
    return "", 204


@loans_router.post("/<int:item_id>/send-confirmation")
def request_send_confirmation(item_id: int) -> ResponseReturnValue:
    enqueue_send_confirmation(item_id)
    return {"queued": "send_confirmation", "item_id": item_id}, 202
