"""Request and response schemas of the order model."""

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, field_validator


class OrderCreate(BaseModel):
    total: Decimal
    note: str | None = None
    customer_id: int | None = None


class OrderUpdate(BaseModel):
    total: Decimal | None = None
    note: str | None = None
    customer_id: int | None = None

    @field_validator("total")
    @classmethod
    def refuse_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("may be left out, but not null")
        return value


class OrderRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    total: Decimal
    note: str | None
    customer_id: int | None
