"""API tests of the loans router, through the app s test client."""

from flask.testing import FlaskClient

LOAN = {
    "customer_email": "sample",
    "total": "9.99",
    "paid": True,
    "notes": "Some longer text.",
}


MEMBER = {"email": "sample", "joined": "2024-01-02"}


def test_create_loan_refuses_a_missing_field(client: FlaskClient) -> None:
    response = client.post("/api/loans/", json={})
    assert response.status_code == 422, response.text


def test_create_loan(client: FlaskClient) -> None:
    response = client.post("/api/loans/", json=LOAN)
    assert response.status_code == 201, response.text
    assert response.get_json()["id"] > 0


def test_list_loans_refuses_bad_pagination(client: FlaskClient) -> None:
    response = client.get("/api/loans/?offset=-1")
    assert response.status_code == 422, response.text
    response = client.get("/api/loans/?limit=0")
    assert response.status_code == 422, response.text
    response = client.get("/api/loans/?limit=101")
    assert response.status_code == 422, response.text


def test_list_loans(client: FlaskClient) -> None:
    created = client.post("/api/loans/", json=LOAN)
    assert created.status_code == 201, created.text
    response = client.get("/api/loans/")
    assert response.status_code == 200, response.text
    assert isinstance(response.get_json(), list)


def test_create_member_refuses_a_missing_field(client: FlaskClient) -> None:
    response = client.post("/api/loans/members", json={})
    assert response.status_code == 422, response.text


def test_create_member_refuses_a_duplicate(client: FlaskClient) -> None:
    client.post("/api/loans/members", json=MEMBER)
    response = client.post("/api/loans/members", json=MEMBER)
    assert response.status_code == 409, response.text


def test_create_member(client: FlaskClient) -> None:
    response = client.post("/api/loans/members", json=MEMBER)
    assert response.status_code == 201, response.text
    assert response.get_json()["id"] > 0


def test_list_members_refuses_bad_pagination(client: FlaskClient) -> None:
    response = client.get("/api/loans/members?offset=-1")
    assert response.status_code == 422, response.text
    response = client.get("/api/loans/members?limit=0")
    assert response.status_code == 422, response.text
    response = client.get("/api/loans/members?limit=101")
    assert response.status_code == 422, response.text


def test_list_members(client: FlaskClient) -> None:
    created = client.post("/api/loans/members", json=MEMBER)
    assert created.status_code == 201, created.text
    response = client.get("/api/loans/members")
    assert response.status_code == 200, response.text
    assert isinstance(response.get_json(), list)


def test_get_member_of_an_unknown_id_is_404(client: FlaskClient) -> None:
    response = client.get("/api/loans/members/999999")
    assert response.status_code == 404, response.text


def test_get_member(client: FlaskClient) -> None:
    created = client.post("/api/loans/members", json=MEMBER)
    assert created.status_code == 201, created.text
    item_id = created.get_json()["id"]
    response = client.get(f"/api/loans/members/{item_id}")
    assert response.status_code == 200, response.text
    assert response.get_json()["id"] == item_id


def test_update_member_of_an_unknown_id_is_404(client: FlaskClient) -> None:
    response = client.patch("/api/loans/members/999999", json={})
    assert response.status_code == 404, response.text


def test_update_member_refuses_null(client: FlaskClient) -> None:
    created = client.post("/api/loans/members", json=MEMBER)
    assert created.status_code == 201, created.text
    item_id = created.get_json()["id"]
    response = client.patch(f"/api/loans/members/{item_id}", json={"email": None})
    assert response.status_code == 422, response.text


def test_update_member(client: FlaskClient) -> None:
    created = client.post("/api/loans/members", json=MEMBER)
    assert created.status_code == 201, created.text
    item_id = created.get_json()["id"]
    response = client.patch(f"/api/loans/members/{item_id}", json={})
    assert response.status_code == 200, response.text


def test_delete_member_of_an_unknown_id_is_404(client: FlaskClient) -> None:
    response = client.delete("/api/loans/members/999999")
    assert response.status_code == 404, response.text


def test_delete_member(client: FlaskClient) -> None:
    created = client.post("/api/loans/members", json=MEMBER)
    assert created.status_code == 201, created.text
    item_id = created.get_json()["id"]
    response = client.delete(f"/api/loans/members/{item_id}")
    assert response.status_code == 204, response.text
    response = client.delete(f"/api/loans/members/{item_id}")
    assert response.status_code == 404, response.text


def test_get_loan_of_an_unknown_id_is_404(client: FlaskClient) -> None:
    response = client.get("/api/loans/999999")
    assert response.status_code == 404, response.text


def test_get_loan(client: FlaskClient) -> None:
    created = client.post("/api/loans/", json=LOAN)
    assert created.status_code == 201, created.text
    item_id = created.get_json()["id"]
    response = client.get(f"/api/loans/{item_id}")
    assert response.status_code == 200, response.text
    assert response.get_json()["id"] == item_id


def test_update_loan_of_an_unknown_id_is_404(client: FlaskClient) -> None:
    response = client.patch("/api/loans/999999", json={})
    assert response.status_code == 404, response.text


def test_update_loan_refuses_null(client: FlaskClient) -> None:
    created = client.post("/api/loans/", json=LOAN)
    assert created.status_code == 201, created.text
    item_id = created.get_json()["id"]
    response = client.patch(f"/api/loans/{item_id}", json={"customer_email": None})
    assert response.status_code == 422, response.text


def test_update_loan(client: FlaskClient) -> None:
    created = client.post("/api/loans/", json=LOAN)
    assert created.status_code == 201, created.text
    item_id = created.get_json()["id"]
    response = client.patch(f"/api/loans/{item_id}", json={})
    assert response.status_code == 200, response.text


def test_delete_loan_of_an_unknown_id_is_404(client: FlaskClient) -> None:
    response = client.delete("/api/loans/999999")
    assert response.status_code == 404, response.text


def test_delete_loan(client: FlaskClient) -> None:
    created = client.post("/api/loans/", json=LOAN)
    assert created.status_code == 201, created.text
    item_id = created.get_json()["id"]
    response = client.delete(f"/api/loans/{item_id}")
    assert response.status_code == 204, response.text
    response = client.delete(f"/api/loans/{item_id}")
    assert response.status_code == 404, response.text


def test_request_send_confirmation(client: FlaskClient) -> None:
    created = client.post("/api/loans/", json=LOAN)
    assert created.status_code == 201, created.text
    item_id = created.get_json()["id"]
    response = client.post(f"/api/loans/{item_id}/send-confirmation")
    assert response.status_code == 202, response.text
    body = response.get_json()
    assert body["queued"] == "send_confirmation"
    assert body["item_id"] == item_id
