/**
 * What the RealWorld example apps taught, each in a small tree of the same shape: FastAPI's
 * (nsidnev/fastapi-realworld-example-app: routes in packages, `models/domain/` beside
 * `models/schemas/`), Flask's (a `settings.py` beside the blueprint packages) and Django's
 * (apps without `apps.py`, under `conduit/apps/`); and from the marketplace example's export, names
 * a kind word sits in (a model `search query`, a worker `jobs`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagram } from '../diagram';
import { loadPythonParser } from '../../main/import/python-parser';
import { importProject, type ImportResult, type PythonParser } from './index';

let parser: PythonParser;
beforeAll(async () => {
  parser = await loadPythonParser();
});

function read(tree: Record<string, string>): ImportResult {
  return importProject({ files: Object.entries(tree).map(([path, text]) => ({ path, text })), skipped: [], folderName: 'project' }, parser);
}

const nodes = (d: Diagram) => d.nodes.filter((n) => n.kind !== 'database').map((n) => [n.kind, n.feature, n.name].filter(Boolean).join(' ')).sort();

describe('the FastAPI RealWorld shape', () => {
  const tree = {
    'app/__init__.py': '',
    'app/api/__init__.py': '',
    'app/api/routes/__init__.py': '',
    'app/api/routes/api.py': 'from fastapi import APIRouter\nfrom app.api.routes import users\nfrom app.api.routes.articles import api as articles\nrouter = APIRouter()\n',
    'app/api/routes/users.py': 'from fastapi import APIRouter\nfrom app.models.domain.users import User\nfrom app.models.schemas.users import UserInResponse\nrouter = APIRouter()\n\n@router.get("/")\ndef me() -> UserInResponse:\n    pass\n',
    'app/api/routes/articles/__init__.py': '',
    'app/api/routes/articles/api.py': 'from fastapi import APIRouter\nfrom app.api.routes.articles import articles_resource\nrouter = APIRouter()\n',
    'app/api/routes/articles/articles_resource.py': 'from fastapi import APIRouter\nfrom app.services.articles import check\nrouter = APIRouter()\n\n@router.get("/")\ndef listed():\n    check()\n',
    'app/services/__init__.py': '',
    'app/services/articles.py': 'from app.models.domain.articles import Article\n\ndef check():\n    pass\n',
    'app/models/__init__.py': '',
    'app/models/domain/__init__.py': '',
    'app/models/domain/articles.py': 'from pydantic import BaseModel\n\nclass Article(BaseModel):\n    title: str\n',
    'app/models/domain/users.py': 'from pydantic import BaseModel\n\nclass User(BaseModel):\n    name: str\n',
    'app/models/schemas/__init__.py': '',
    'app/models/schemas/users.py': 'from app.models.domain.users import User\n\nclass UserInResponse(User):\n    pass\n',
  };

  it('draws a routes package with its api.py as one router, and the domain models without their schemas', () => {
    const { diagram } = read(tree);
    expect(nodes(diagram)).toEqual(['model articles', 'model users', 'router articles', 'router users', 'service articles']);
    expect(diagram.project.layout).toBe('layered');
    expect(diagram.edges.map((e) => e.id)).toContain('router:articles->service:articles');
  });
});

describe('the Flask RealWorld shape', () => {
  it('keeps the blueprint packages beside a settings.py as features', () => {
    const { diagram } = read({
      'conduit/__init__.py': '',
      'conduit/settings.py': 'class Config:\n    SECRET_KEY = "x"\n',
      'conduit/app.py': 'from flask import Flask\nfrom conduit import user\n',
      'conduit/user/__init__.py': '',
      'conduit/user/models.py': 'from conduit.database import Model\n\nclass User(Model):\n    pass\n',
      'conduit/user/views.py': 'from flask import Blueprint\nfrom conduit.user.models import User\nblueprint = Blueprint("user", __name__)\n\n@blueprint.route("/user")\ndef me():\n    return User\n',
      'conduit/database.py': 'from flask_sqlalchemy import SQLAlchemy\nModel = SQLAlchemy().Model\n',
    });
    expect(nodes(diagram)).toEqual(['model user user', 'router user user']);
    expect(diagram.project).toMatchObject({ framework: 'flask', layout: 'feature' });
  });
});

describe('the Django RealWorld shape', () => {
  it('reads apps without an apps.py (a models.py beside views.py or urls.py) inside the project package', () => {
    const { diagram } = read({
      'manage.py': 'import django\n',
      'conduit/__init__.py': '',
      'conduit/settings.py': 'INSTALLED_APPS = ["conduit.apps.articles"]\n',
      'conduit/urls.py': 'from django.urls import include, path\nurlpatterns = [path("", include("conduit.apps.articles.urls"))]\n',
      'conduit/wsgi.py': 'from django.core.wsgi import get_wsgi_application\n',
      'conduit/apps/__init__.py': '',
      'conduit/apps/articles/__init__.py': '',
      'conduit/apps/articles/models.py': 'from django.db import models\n\nclass Article(models.Model):\n    pass\n',
      'conduit/apps/articles/views.py': 'from rest_framework import generics\nfrom .models import Article\n\nclass ArticleView(generics.ListAPIView):\n    queryset = Article.objects.all()\n',
      'conduit/apps/articles/urls.py': 'from django.urls import path\nfrom .views import ArticleView\nurlpatterns = [path("", ArticleView.as_view())]\n',
    });
    expect(nodes(diagram)).toEqual(['model articles article', 'router articles articles']);
    expect(diagram.edges.map((e) => e.id)).toContain('router:articles:articles->model:articles:article');
  });
});

describe('modules named with a kind word, inside a package of another kind', () => {
  it("takes the package's kind over a kind word at one end of the name, and a kind-named module that defines tasks for a component", () => {
    const { diagram, report } = read({
      'shop/__init__.py': '',
      'shop/models/__init__.py': '',
      'shop/models/search_query.py': 'from shop.core.db import Base\n\nclass SearchQuery(Base):\n    pass\n',
      'shop/schemas/__init__.py': '',
      'shop/schemas/search_query.py': 'from pydantic import BaseModel\n\nclass SearchQueryRead(BaseModel):\n    pass\n',
      'shop/tasks/__init__.py': '',
      'shop/tasks/app.py': 'from celery import Celery\ncelery_app = Celery("shop")\n',
      'shop/tasks/jobs.py': 'from shop.tasks.app import celery_app\n\n@celery_app.task\ndef reindex(item_id):\n    pass\n',
      'shop/db/__init__.py': '',
      'shop/db/queries/__init__.py': '',
      'shop/db/queries/queries.py': 'import aiosql\nqueries = aiosql.from_path("sql", "asyncpg")\n',
    });
    expect(nodes(diagram).filter((n) => !n.startsWith('broker'))).toEqual(['model search_query', 'worker jobs']);
    expect(report.notComponents.find((n) => n.module === 'shop.db.queries.queries')?.reason).toMatch(/gathers/);
  });
});
