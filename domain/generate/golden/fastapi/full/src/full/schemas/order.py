"""Request and response schemas of the order model."""

from decimal import Decimal

from pydantic import BaseModel, ConfigDict


class OrderCreate(BaseModel):
    total: Decimal
    note: str | None = None
    customer_id: int | None = None


class OrderUpdate(BaseModel):
    total: Decimal | None = None
    note: str | None = None
    customer_id: int | None = None


class OrderRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    total: Decimal
    note: str | None
    customer_id: int | None
