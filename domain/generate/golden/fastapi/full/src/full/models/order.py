"""The order model."""

from decimal import Decimal

from sqlalchemy import ForeignKey, Numeric, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from full.core.db import Base
from full.models.customer import Customer


class Order(Base):
    __tablename__ = "order"

    id: Mapped[int] = mapped_column(primary_key=True)
    total: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    note: Mapped[str | None] = mapped_column(Text)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"))
    # Never loaded implicitly: a query that needs it asks with selectinload().
    customer: Mapped[Customer | None] = relationship(lazy="raise")
