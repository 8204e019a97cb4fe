import { describe, expect, test } from 'vitest';
import { buildTree, fileToShow, listingOrder } from './FileTree';

describe('the file listing', () => {
  test('numbers the files 0…n-1 in the order the tree shows them (folders first), so a growing count lists whole prefixes', () => {
    const paths = ['p/README.md', 'p/src/a.py', 'p/src/pkg/b.py', 'p/tests/t.py', 'p/pyproject.toml'].sort();
    const tree = buildTree(paths);
    const order = listingOrder(tree);
    const numbers = paths.map((p) => order.get(p)).sort((a, b) => a! - b!);
    expect(numbers).toEqual([0, 1, 2, 3, 4]);
    // Folders first: the files of src/ and tests/ come before p/'s own files, pyproject.toml last of all.
    expect(order.get('p/src/pkg/b.py')).toBe(0);
    expect(order.get('p/pyproject.toml')).toBe(4);
    // A folder is listed from its first file on.
    expect(order.get(tree.folders.get('p')!.folders.get('tests')!)).toBe(order.get('p/tests/t.py'));
  });

  test('shows the picked file while the project has it, and its README once new options drop it (no path over an empty box)', () => {
    const fastapi = ['shop/README.md', 'shop/alembic/env.py', 'shop/src/shop/main.py'];
    const django = ['shop/README.md', 'shop/manage.py', 'shop/src/shop/settings/base.py'];
    expect(fileToShow(fastapi, undefined)).toBe('shop/README.md');
    expect(fileToShow(fastapi, 'shop/alembic/env.py')).toBe('shop/alembic/env.py');
    expect(fileToShow(django, 'shop/alembic/env.py')).toBe('shop/README.md');
    expect(fileToShow(['p/a.py'], 'p/gone.py')).toBe('p/a.py');
  });
});
