import { describe, expect, test } from 'vitest';
import { buildTree, listingOrder } from './FileTree';

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
});
