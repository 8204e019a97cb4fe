/**
 * Importing small trees written the way real projects are: Django apps in the services/selectors
 * style with Celery, Flask blueprints with RQ, FastAPI layered and feature-based, plus the
 * Python that trips naive readers (relative imports, TYPE_CHECKING, syntax errors).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagram } from '../diagram';
import { serializeDiagram } from '../serialize';
import { loadPythonParser } from '../../main/import/python-parser';
import { importProject, type ImportResult, type PythonParser } from './index';

let parser: PythonParser;
beforeAll(async () => {
  parser = await loadPythonParser();
});

function read(tree: Record<string, string>, folderName = 'project'): ImportResult {
  const files = Object.entries(tree).map(([path, text]) => ({ path, text }));
  return importProject({ files, skipped: [], folderName }, parser);
}

const nodes = (d: Diagram) => d.nodes.map((n) => [n.kind, n.feature, n.name, n.engine].filter(Boolean).join(' ')).sort();
const edges = (d: Diagram) => d.edges.map((e) => `${e.source} -> ${e.target}`).sort();

describe('a Django project in the services/selectors style, with Celery', () => {
  const tree = {
    'manage.py': 'import os\nimport sys\n\nfrom django.core.management import execute_from_command_line\n',
    'requirements.txt': 'Django>=5.2\ncelery[redis]==5.7\npsycopg[binary]\ndjangorestframework\n',
    'config/__init__.py': 'from .celery import app as celery_app\n',
    'config/settings.py': 'INSTALLED_APPS = ["orders", "payments"]\nCELERY_BROKER_URL = "redis://localhost:6379/0"\n',
    'config/celery.py': 'from celery import Celery\napp = Celery("config")\n',
    'config/urls.py': 'from django.urls import include, path\nurlpatterns = [path("orders/", include("orders.urls"))]\n',
    'config/wsgi.py': 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
    'orders/__init__.py': '',
    'orders/apps.py': 'from django.apps import AppConfig\n\nclass OrdersConfig(AppConfig):\n    name = "orders"\n',
    'orders/models.py': 'from django.db import models\n\nclass Order(models.Model):\n    total = models.DecimalField()\n\nclass OrderLine(models.Model):\n    order = models.ForeignKey(Order, on_delete=models.CASCADE)\n',
    'orders/selectors.py': 'from orders.models import Order\n\ndef order_list():\n    return Order.objects.all()\n',
    'orders/services.py': 'from django.db import transaction\n\nfrom orders.models import Order\nfrom payments.services import charge\n\ndef order_create(total):\n    order = Order.objects.create(total=total)\n    charge(order.id)\n    return order\n',
    'orders/apis.py': 'from rest_framework.views import APIView\n\nfrom orders.selectors import order_list\nfrom orders.services import order_create\n\nclass OrderListApi(APIView):\n    pass\n',
    'orders/urls.py': 'from django.urls import path\n\nfrom orders.apis import OrderListApi\n\nurlpatterns = [path("", OrderListApi.as_view())]\n',
    'orders/tasks.py': 'from celery import shared_task\n\nfrom orders.services import order_create\n\n@shared_task\ndef create_later(total):\n    order_create(total)\n',
    'orders/tests/test_services.py': 'from orders.services import order_create\n',
    'orders/migrations/0001_initial.py': 'from django.db import migrations\n',
    'payments/__init__.py': '',
    'payments/apps.py': 'from django.apps import AppConfig\n',
    'payments/services.py': 'import requests\n\ndef charge(order_id):\n    requests.post("https://pay.example.com", json={"order": order_id})\n',
  };

  it('draws one app per feature, with its apis, services, selectors, models and tasks', () => {
    const { diagram } = read(tree, 'shop');
    expect(diagram.project).toEqual({ name: 'shop', framework: 'django', tasks: 'celery', layout: 'feature' });
    expect(nodes(diagram)).toEqual([
      'broker redis redis',
      'database db postgres',
      'model orders order',
      'model orders order_line',
      'repository orders orders',
      'router orders orders',
      'service orders orders',
      'service payments payments',
      'worker orders orders',
    ]);
    expect(edges(diagram)).toEqual([
      'model:orders:order_line -> model:orders:order',
      'repository:orders:orders -> database:db',
      'repository:orders:orders -> model:orders:order',
      'router:orders:orders -> repository:orders:orders',
      'router:orders:orders -> service:orders:orders',
      'service:orders:orders -> model:orders:order',
      'service:orders:orders -> service:payments:payments',
      'worker:orders:orders -> broker:redis',
      'worker:orders:orders -> service:orders:orders',
    ]);
  });

  it('leaves out tests, migrations and the project package, and says why', () => {
    const { report } = read(tree);
    expect(report.skipped.map((s) => [s.path, s.reason])).toEqual(expect.arrayContaining([['orders/tests', 'tests'], ['orders/migrations', 'migrations']]));
    expect(report.notComponents).toContainEqual({ module: 'config.urls', path: 'config/urls.py', reason: 'part of the project configuration package' });
    expect(report.notComponents).toContainEqual(expect.objectContaining({ module: 'orders.apps' }));
  });
});

describe('a Django project whose project package is an app too, with apps inside it', () => {
  // `startproject shop` then `startapp` inside it: settings, the root URLconf and the app's
  // layers share the package; a feature app sits below; `startapp` left an empty models.py.
  const tree = {
    'manage.py': 'import os\n',
    'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["django>=5.2", "djangorestframework", "psycopg"]\n',
    'src/shop/__init__.py': '',
    'src/shop/apps.py': 'from django.apps import AppConfig\n\nclass ShopConfig(AppConfig):\n    name = "shop"\n',
    'src/shop/settings/__init__.py': '',
    'src/shop/settings/base.py': 'INSTALLED_APPS = ["shop", "shop.billing"]\n',
    'src/shop/wsgi.py': 'from django.core.wsgi import get_wsgi_application\n',
    'src/shop/urls.py': 'from django.urls import include, path\n\nfrom shop.apis.orders import OrderListApi\n\nurlpatterns = [path("orders", OrderListApi.as_view()), path("billing/", include("shop.billing.urls"))]\n',
    'src/shop/models/__init__.py': 'from shop.models.order import Order\n',
    'src/shop/models/order.py': 'from django.db import models\n\nclass Order(models.Model):\n    total = models.IntegerField()\n',
    'src/shop/services/__init__.py': '',
    'src/shop/services/order_service.py': 'from shop.models.order import Order\n\nclass OrderService:\n    pass\n',
    'src/shop/apis/__init__.py': '',
    'src/shop/apis/orders.py': 'from rest_framework.views import APIView\n\nfrom shop.services.order_service import OrderService\n\nclass OrderListApi(APIView):\n    pass\n',
    'src/shop/billing/__init__.py': '',
    'src/shop/billing/apps.py': 'from django.apps import AppConfig\n\nclass BillingConfig(AppConfig):\n    name = "shop.billing"\n',
    'src/shop/billing/models.py': '# Create your models here.\n',
    'src/shop/billing/apis/__init__.py': '',
    'src/shop/billing/apis/invoices.py': 'from rest_framework.views import APIView\n\nfrom shop.billing.services import invoice_create\n\nclass InvoiceApi(APIView):\n    pass\n',
    'src/shop/billing/urls.py': 'from django.urls import path\n\nfrom shop.billing.apis.invoices import InvoiceApi\n\nurlpatterns = [path("", InvoiceApi.as_view())]\n',
    'src/shop/billing/services.py': 'def invoice_create():\n    pass\n',
  };

  it('draws the layers of the project package and of the app inside it', () => {
    const { diagram, report } = read(tree, 'shop');
    expect(diagram.project).toMatchObject({ name: 'shop', framework: 'django', layout: 'feature' });
    expect(nodes(diagram)).toEqual(['database db postgres', 'model order', 'router billing invoices', 'router orders', 'service billing billing', 'service order_service']);
    expect(edges(diagram)).toEqual([
      'router:billing:invoices -> service:billing:billing',
      'router:orders -> service:order_service',
      'service:order_service -> model:order',
    ]);
    const reasons = new Map(report.notComponents.map((n) => [n.module, n.reason]));
    expect(reasons.get('shop.urls')).toBe('the root URLconf of a project package that is also an app');
    expect(reasons.get('shop.billing.urls')).toBe('mounts the routes of the routers below it');
    expect(reasons.get('shop.billing.models')).toBe('defines no class');
    expect(reasons.get('shop.settings.base')).toBe('under shop.settings, shared plumbing');
  });

  it('takes a client over a hosted API\'s SDK for an external API, named after its package', () => {
    // Django-Styleguide-Example's integrations/aws/client.py, over boto3.
    const { diagram } = read({
      ...tree,
      'src/shop/integrations/__init__.py': '',
      'src/shop/integrations/apps.py': 'from django.apps import AppConfig\n\nclass IntegrationsConfig(AppConfig):\n    name = "shop.integrations"\n',
      'src/shop/integrations/aws/__init__.py': '',
      'src/shop/integrations/aws/client.py': 'import boto3\n\ndef s3_get_client():\n    return boto3.client("s3")\n',
      'src/shop/billing/services.py': 'from shop.integrations.aws.client import s3_get_client\n\ndef invoice_create():\n    s3_get_client()\n',
    }, 'shop');
    expect(nodes(diagram)).toContain('external integrations aws');
    expect(edges(diagram)).toContain('service:billing:billing -> external:integrations:aws');
  });
});

describe('a Flask project with blueprints and RQ', () => {
  const tree = {
    'requirements.txt': 'flask\nflask-sqlalchemy\nrq\nredis\npymysql\n',
    'app/__init__.py': 'from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\n\ndb = SQLAlchemy()\n\ndef create_app():\n    app = Flask(__name__)\n    from app.main import bp as main_bp\n    app.register_blueprint(main_bp)\n    return app\n',
    'app/models.py': 'from app import db\n\nclass User(db.Model):\n    pass\n\nclass Post(db.Model):\n    pass\n',
    'app/main/__init__.py': 'from flask import Blueprint\n\nbp = Blueprint("main", __name__)\n\nfrom app.main import routes  # noqa: E402\n',
    'app/main/routes.py': 'from flask import render_template\n\nfrom app.main import bp\nfrom app.models import Post\n\n@bp.route("/")\ndef index():\n    return render_template("index.html", posts=Post.query.all())\n',
    'app/auth/__init__.py': 'from flask import Blueprint\n\nbp = Blueprint("auth", __name__)\n',
    'app/auth/routes.py': 'from app.auth import bp\nfrom app.auth.email import send_reset\nfrom app.models import User\n\n@bp.route("/login")\ndef login():\n    return "ok"\n',
    'app/auth/email.py': 'from flask_mail import Message\n\ndef send_reset(user):\n    pass\n',
    'app/tasks.py': 'from rq import get_current_job\n\nfrom app.models import Post\n\ndef export_posts(user_id):\n    job = get_current_job()\n',
  };

  it('makes each blueprint package a feature and finds RQ and MySQL', () => {
    const { diagram } = read(tree, 'microblog');
    expect(diagram.project).toEqual({ name: 'microblog', framework: 'flask', tasks: 'rq', layout: 'feature' });
    expect(nodes(diagram)).toEqual(['broker redis redis', 'database db mysql', 'model post', 'model user', 'router auth auth', 'router main main', 'worker tasks']);
    expect(edges(diagram)).toEqual(['router:auth:auth -> model:user', 'router:main:main -> model:post', 'worker:tasks -> broker:redis', 'worker:tasks -> model:post']);
  });

  it('takes a module of the API package that declares no route for a helper of the routes, not a router', () => {
    // microblog's app/api/auth.py: HTTP auth callbacks the API's routes are decorated with.
    const { diagram, report } = read({
      ...tree,
      'app/api/__init__.py': 'from flask import Blueprint\n\nbp = Blueprint("api", __name__)\n',
      'app/api/auth.py': 'from flask_httpauth import HTTPTokenAuth\n\nfrom app.models import User\n\ntoken_auth = HTTPTokenAuth()\n\n@token_auth.verify_token\ndef verify_token(token):\n    return User.check_token(token)\n',
      'app/api/users.py': 'from app.api import bp\nfrom app.api.auth import token_auth\nfrom app.models import User\n\n@bp.route("/users/<int:id>", methods=["GET"])\n@token_auth.login_required\ndef get_user(id):\n    return User.query.get(id)\n',
    }, 'microblog');
    expect(nodes(diagram).filter((n) => n.startsWith('router'))).toEqual(['router auth auth', 'router main main', 'router users']);
    expect(edges(diagram)).toContain('router:users -> model:user');
    expect(report.notComponents).toContainEqual(expect.objectContaining({ module: 'app.api.auth', reason: expect.stringMatching(/^declares no route/) }));
  });
});

describe('a FastAPI project', () => {
  it('reads the full-stack template\'s way: SQLModel tables among schemas in models.py, crud.py, routes under api/, a generic package name', () => {
    const { diagram } = read({
      'backend/pyproject.toml': '[project]\nname = "app"\ndependencies = ["fastapi", "sqlmodel", "psycopg"]\n',
      'backend/app/__init__.py': '',
      'backend/app/main.py': 'from fastapi import FastAPI\n\nfrom app.api.main import api_router\n',
      'backend/app/models.py': 'from sqlmodel import Field, SQLModel\n\nclass UserBase(SQLModel):\n    email: str\n\nclass User(UserBase, table = True):\n    id: int = Field(primary_key=True)\n\nclass UserPublic(UserBase):\n    id: int\n\nclass Item(SQLModel, table=True):\n    id: int = Field(primary_key=True)\n',
      'backend/app/crud.py': 'from sqlmodel import Session\n\nfrom app.models import User\n\ndef create_user(session: Session) -> User:\n    return User()\n',
      'backend/app/api/__init__.py': '',
      'backend/app/api/main.py': 'from fastapi import APIRouter\n\nfrom app.api.routes import items, users\n\napi_router = APIRouter()\n',
      'backend/app/api/routes/__init__.py': '',
      'backend/app/api/routes/users.py': 'from fastapi import APIRouter\n\nfrom app import crud\nfrom app.models import UserPublic\n\nrouter = APIRouter()\n\n@router.get("/")\ndef read_users() -> UserPublic:\n    return crud.create_user(None)\n',
      'backend/app/api/routes/items.py': 'from fastapi import APIRouter\n\nfrom app.models import Item\n\nrouter = APIRouter()\n\n@router.get("/")\ndef read_items() -> Item:\n    return Item()\n',
    }, 'full-stack-fastapi-template');
    expect(diagram.project).toEqual({ name: 'full_stack_fastapi_template', framework: 'fastapi', tasks: 'none', layout: 'flat' });
    expect(nodes(diagram)).toEqual(['database db postgres', 'model item', 'model user', 'repository crud', 'router items', 'router users']);
    expect(edges(diagram)).toEqual(['repository:crud -> database:db', 'repository:crud -> model:user', 'router:items -> model:item', 'router:users -> repository:crud']);
  });

  it('reads a layered src/ layout with relative imports, imports inside functions and under TYPE_CHECKING', () => {
    const { diagram, code } = read({
      'pyproject.toml': '[project]\nname = "inventory"\ndependencies = ["fastapi", "sqlalchemy", "asyncpg", "httpx"]\n',
      'src/inventory/__init__.py': '',
      'src/inventory/main.py': 'from fastapi import FastAPI\n\nfrom .api.routes import items\n',
      'src/inventory/api/__init__.py': '',
      'src/inventory/api/routes/__init__.py': '',
      'src/inventory/api/routes/items.py': 'from fastapi import APIRouter\n\nfrom ...services.item_service import ItemService\n\nrouter = APIRouter()\n',
      'src/inventory/services/__init__.py': '',
      'src/inventory/services/item_service.py': 'from typing import TYPE_CHECKING\n\nfrom ..clients import supplier\n\nif TYPE_CHECKING:\n    from ..repositories.item_repository import ItemRepository\n\nclass ItemService:\n    def restock(self):\n        from inventory.models.item import Item\n        return Item\n',
      'src/inventory/repositories/__init__.py': '',
      'src/inventory/repositories/item_repository.py': 'from sqlalchemy import select\n\nfrom inventory.models import item\n',
      'src/inventory/models/__init__.py': '',
      'src/inventory/models/item.py': 'from inventory.core.db import Base\n\nclass Item(Base):\n    pass\n',
      'src/inventory/core/db.py': 'from sqlalchemy.orm import DeclarativeBase\n\nclass Base(DeclarativeBase):\n    pass\n',
      'src/inventory/clients/__init__.py': '',
      'src/inventory/clients/supplier.py': 'import httpx\n\nclass SupplierClient:\n    pass\n',
    });
    expect(diagram.project).toEqual({ name: 'inventory', framework: 'fastapi', tasks: 'none', layout: 'layered' });
    expect(edges(diagram)).toEqual([
      'repository:item_repository -> database:db',
      'repository:item_repository -> model:item',
      'router:items -> service:item_service',
      'service:item_service -> external:supplier',
      'service:item_service -> model:item',
      'service:item_service -> repository:item_repository',
    ]);
    const typeOnly = code.edges.find((e) => e.target.name === 'item_repository' && e.source.name === 'item_service')!;
    expect(typeOnly.evidence).toEqual([{ path: 'src/inventory/services/item_service.py', line: 6, typeOnly: true }]);
  });

  it('reads Dispatch\'s way: features nested and named like layers (task/, cost_model/), views with router = APIRouter()', () => {
    const feature = (path: string, name: string) => ({
      [`src/dispatch/${path}/__init__.py`]: '',
      [`src/dispatch/${path}/models.py`]: `from dispatch.database.core import Base\n\nclass ${name}(Base): ...\n`,
      [`src/dispatch/${path}/service.py`]: `from dispatch.${path.replace(/\//g, '.')}.models import ${name}\n\ndef get(db_session, id): ...\n`,
      [`src/dispatch/${path}/views.py`]: `from fastapi import APIRouter\n\nfrom dispatch.${path.replace(/\//g, '.')} import service\n\nrouter = APIRouter()\n\n@router.get("")\ndef get_all(): ...\n`,
    });
    const { diagram } = read({
      'src/dispatch/__init__.py': '',
      'src/dispatch/database/__init__.py': '',
      'src/dispatch/database/core.py': 'from sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n',
      ...feature('task', 'Task'),
      ...feature('cost_model', 'CostModel'),
      ...feature('case', 'Case'),
      ...feature('case/priority', 'CasePriority'),
      ...feature('incident/priority', 'IncidentPriority'),
      'src/dispatch/incident/__init__.py': '',
    }, 'dispatch');
    expect(nodes(diagram).filter((n) => n.startsWith('router'))).toEqual(['router case case', 'router case_priority priority', 'router cost_model cost_model', 'router incident_priority priority', 'router task task']);
    expect(edges(diagram)).toContain('router:task:task -> service:task:task');
  });

  it('reads a feature-based layout: each package with router, service and schemas is a feature', () => {
    const { diagram } = read({
      'src/__init__.py': '',
      'src/main.py': 'from src.auth.router import router as auth_router\nfrom src.posts.router import router as posts_router\n',
      'src/auth/__init__.py': '',
      'src/auth/router.py': 'from fastapi import APIRouter\n\nfrom src.auth import service\n\nrouter = APIRouter()\n',
      'src/auth/service.py': 'from src.auth.schemas import UserCreate\n\nasync def create_user(data: UserCreate): ...\n',
      'src/auth/schemas.py': 'from pydantic import BaseModel\n\nclass UserCreate(BaseModel): ...\n',
      'src/posts/__init__.py': '',
      'src/posts/router.py': 'from fastapi import APIRouter\n\nfrom src.posts import service\nfrom src.auth.service import create_user\n\nrouter = APIRouter()\n',
      'src/posts/service.py': 'from src.posts.models import Post\n',
      'src/posts/models.py': 'from src.database import Base\n\nclass Post(Base): ...\n',
    }, 'blog-api');
    expect(diagram.project).toMatchObject({ name: 'blog_api', layout: 'feature' });
    // `router = APIRouter()` names no router: each is named after its feature, as its authors call it.
    expect(nodes(diagram)).toEqual(['model auth auth', 'model posts post', 'router auth auth', 'router posts posts', 'service auth auth', 'service posts posts']);
    expect(edges(diagram)).toEqual([
      'router:auth:auth -> service:auth:auth',
      'router:posts:posts -> service:auth:auth',
      'router:posts:posts -> service:posts:posts',
      'service:auth:auth -> model:auth:auth',
      'service:posts:posts -> model:posts:post',
    ]);
  });
});

describe('hostile Python', () => {
  it('reads around a syntax error, names its line, and still reads the imports outside it', () => {
    const { report, diagram } = read({
      'app/services.py': 'import os\nprint "python 2 parses"\nclass Broken(:\n    pass\nfrom app.repositories import things\n',
      'app/repositories.py': 'def things(:\n',
      'app/half.py': 'def broken(\n    from app.services import',
    });
    expect(report.syntaxErrors.map((e) => [e.path, e.line])).toEqual([
      ['app/half.py', 1],
      ['app/repositories.py', 1],
      ['app/services.py', 3],
    ]);
    expect(edges(diagram)).toEqual(['service:services -> repository:repositories']);
  });

  it('gives the same bytes for the same tree, whatever order the files arrive in', () => {
    const tree: Record<string, string> = {
      'shop/services/order.py': 'from shop.repositories.order import OrderRepository\n',
      'shop/repositories/order.py': 'from shop.models.order import Order\n',
      'shop/models/order.py': 'class Order: ...\n',
      'shop/api/orders.py': 'from shop.services.order import OrderService\n',
    };
    const first = serializeDiagram(read(tree).diagram);
    const reversed = Object.fromEntries(Object.entries(tree).reverse());
    expect(serializeDiagram(read(reversed).diagram)).toBe(first);
    expect(JSON.parse(first).nodes.map((n: { id: string }) => n.id)).toEqual(['model:order', 'repository:order', 'router:orders', 'service:order']);
  });
});
