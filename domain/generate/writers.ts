/** The framework rooms: one writer per framework that exports. A framework missing here is refused. */
import type { Framework } from '../diagram';
import { djangoWriter } from './django/writer';
import { fastapiWriter } from './fastapi/writer';
import { flaskWriter } from './flask/writer';
import type { FrameworkWriter } from './writer';

export const WRITERS: Readonly<Partial<Record<Framework, FrameworkWriter>>> = {
  fastapi: fastapiWriter,
  flask: flaskWriter,
  django: djangoWriter,
};
