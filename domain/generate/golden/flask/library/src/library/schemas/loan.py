"""Request and response schemas of the Loan model."""

from datetime import datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class LoanCreate(BaseModel):
    customer_email: str = Field(max_length=255)
    total: Decimal
    paid: bool
    notes: str | None = None
    member_id: int | None = None


class LoanUpdate(BaseModel):
    customer_email: str | None = Field(default=None, max_length=255)
    total: Decimal | None = None
    paid: bool | None = None
    notes: str | None = None
    member_id: int | None = None

    @field_validator("customer_email", "total", "paid")
    @classmethod
    def not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("may be left out, but not null")
        return value


class LoanRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    customer_email: str
    total: Decimal
    paid: bool
    notes: str | None
    created_at: datetime
    member_id: int | None
