/** `web.py`: request parsing (bodies, pagination) and the error handlers every blueprint shares. */
import type { FlaskModules } from './layout';
import type { Plan } from '../plan/plan';
import { from, plain, pyModule } from '../python/py';

export function webModule(plan: Plan, modules: FlaskModules): string {
  return pyModule({
    doc: 'Request parsing and error handlers shared by every blueprint: bad input is 422, an unknown id 404, a conflict with stored data 409, a broker that refuses a task 503.',
    imports: [
      plain('logging'),
      from('typing', 'TypeVar'),
      from('flask', 'Flask', 'request'),
      from('flask.typing', 'ResponseReturnValue'),
      from('pydantic', 'BaseModel', 'Field', 'ValidationError'),
      from('sqlalchemy.exc', 'IntegrityError'),
      from('werkzeug.exceptions', 'HTTPException'),
      from(modules.core('db'), 'db'),
      from(modules.core('errors'), 'NotFoundError', 'TaskQueueUnavailableError'),
    ],
    firstParty: [plan.pkg],
    blocks: [
      'logger = logging.getLogger(__name__)\nSchema = TypeVar("Schema", bound=BaseModel)',
      `class Page(BaseModel):
    """Pagination of list endpoints: ?offset=0&limit=100, bounded."""

    offset: int = Field(default=0, ge=0)
    limit: int = Field(default=100, ge=1, le=100)`,
      `def parse_body(schema: type[Schema]) -> Schema:
    """The JSON body validated by \`schema\`; anything else raises ValidationError (422)."""
    return schema.model_validate(request.get_json(silent=True))`,
      `def page_args() -> Page:
    return Page.model_validate(request.args.to_dict())`,
      `def invalid(error: ValidationError) -> ResponseReturnValue:
    detail = error.errors(include_url=False, include_context=False, include_input=False)
    return {"detail": detail}, 422`,
      `def not_found(error: NotFoundError) -> ResponseReturnValue:
    return {"detail": str(error)}, 404`,
      `def conflict(error: IntegrityError) -> ResponseReturnValue:
    db.session.rollback()
    logger.info("integrity error on %s: %s", request.path, error)
    detail = "The data conflicts with stored data (a duplicate or a missing reference)."
    return {"detail": detail}, 409`,
      `def queue_unavailable(error: TaskQueueUnavailableError) -> ResponseReturnValue:
    logger.warning("%s", error)
    return {"detail": str(error)}, 503`,
      `def http_error(error: HTTPException) -> ResponseReturnValue:
    return {"detail": error.description}, error.code or 500`,
      `def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(ValidationError, invalid)
    app.register_error_handler(NotFoundError, not_found)
    app.register_error_handler(IntegrityError, conflict)
    app.register_error_handler(TaskQueueUnavailableError, queue_unavailable)
    app.register_error_handler(HTTPException, http_error)`,
    ],
  });
}
