"""The orders router: DRF APIViews, thin, calling services."""

from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from shop.core.pagination import page
from shop.services.order_service import OrderService
from shop.tasks.notifications import enqueue_send_confirmation


class OrderOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    customer_email = serializers.CharField()
    total = serializers.DecimalField(max_digits=12, decimal_places=2)
    paid = serializers.BooleanField()
    notes = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()
    customer_id = serializers.IntegerField(allow_null=True)


class OrderInputSerializer(serializers.Serializer):
    customer_email = serializers.CharField(max_length=255)
    total = serializers.DecimalField(max_digits=12, decimal_places=2)
    paid = serializers.BooleanField()
    notes = serializers.CharField(
        allow_null=True, allow_blank=True, required=False, default=None
    )
    customer_id = serializers.IntegerField(
        allow_null=True, required=False, default=None
    )


class CustomerOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.CharField()
    joined = serializers.DateField(allow_null=True)


class CustomerInputSerializer(serializers.Serializer):
    email = serializers.CharField(max_length=255)
    joined = serializers.DateField(allow_null=True, required=False, default=None)


class OrderListApi(APIView):
    def get(self, request: Request) -> Response:
        orders = page(OrderService().list_orders(), request)
        return Response(OrderOutputSerializer(orders, many=True).data)

    def post(self, request: Request) -> Response:
        serializer = OrderInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        order = OrderService().create_order(**serializer.validated_data)
        body = OrderOutputSerializer(order).data
        return Response(body, status=status.HTTP_201_CREATED)


class OrderDetailApi(APIView):
    def get(self, request: Request, order_id: int) -> Response:
        order = OrderService().get_order(order_id)
        return Response(OrderOutputSerializer(order).data)

    def patch(self, request: Request, order_id: int) -> Response:
        serializer = OrderInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        order = OrderService().update_order(order_id, serializer.validated_data)
        return Response(OrderOutputSerializer(order).data)

    def delete(self, request: Request, order_id: int) -> Response:
        OrderService().delete_order(order_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CustomerListApi(APIView):
    def get(self, request: Request) -> Response:
        customers = page(OrderService().list_customers(), request)
        return Response(CustomerOutputSerializer(customers, many=True).data)

    def post(self, request: Request) -> Response:
        serializer = CustomerInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        customer = OrderService().create_customer(**serializer.validated_data)
        body = CustomerOutputSerializer(customer).data
        return Response(body, status=status.HTTP_201_CREATED)


class CustomerDetailApi(APIView):
    def get(self, request: Request, customer_id: int) -> Response:
        customer = OrderService().get_customer(customer_id)
        return Response(CustomerOutputSerializer(customer).data)

    def patch(self, request: Request, customer_id: int) -> Response:
        serializer = CustomerInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        customer = OrderService().update_customer(
            customer_id, serializer.validated_data
        )
        return Response(CustomerOutputSerializer(customer).data)

    def delete(self, request: Request, customer_id: int) -> Response:
        OrderService().delete_customer(customer_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class OrderSendConfirmationApi(APIView):
    """Enqueues send_confirmation for one Order: 202, 404 if unknown, 503 if the broker
    does not take it."""

    def post(self, request: Request, order_id: int) -> Response:
        OrderService().get_order(order_id)
        enqueue_send_confirmation(order_id)
        body = {"task": "send_confirmation", "id": order_id, "status": "queued"}
        return Response(body, status=status.HTTP_202_ACCEPTED)
