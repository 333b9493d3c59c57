import { isMap, isPair, isScalar, isSeq, type Pair, type Scalar } from 'yaml';

/** What a walk over YAML nodes calls back for; both are optional. */
export interface YamlNodeVisitor {
  scalar?(node: Scalar): void;
  pair?(pair: Pair<unknown, unknown>): void;
}

/**
 * Calls `visitor` for every scalar and pair under `node` in the order yaml's `visit` reaches them
 * (a pair before its key and value). A direct walk: `visit` costs several times more per node, and
 * this runs on every front matter of a `check`.
 */
export function walkYamlNodes(node: unknown, visitor: YamlNodeVisitor): void {
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) walkYamlNodes(item, visitor);
  } else if (isPair(node)) {
    visitor.pair?.(node);
    walkYamlNodes(node.key, visitor);
    walkYamlNodes(node.value, visitor);
  } else if (isScalar(node)) {
    visitor.scalar?.(node);
  }
}
