"""Request and response schemas of the Member model."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator


class MemberCreate(BaseModel):
    email: str = Field(max_length=255)
    joined: date | None = None


class MemberUpdate(BaseModel):
    email: str | None = Field(default=None, max_length=255)
    joined: date | None = None

    @field_validator("email")
    @classmethod
    def not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("may be left out, but not null")
        return value


class MemberRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    joined: date | None
