"""Every router of the API, assembled under one prefix by main.py."""

from fastapi import APIRouter

from full.api.routes.orders import orders_router

api_router = APIRouter()
api_router.include_router(orders_router)
