// A conversation's messages form a tree: editing a message or regenerating a reply adds a sibling.
// The branch on screen (and sent to the API) runs from a root to the conversation's active leaf.

export interface TreeNode {
  id: string;
  parentId: string | null;
}

export class MessageTree<Node extends TreeNode = TreeNode> {
  private readonly byId = new Map<string, Node>();
  private readonly childrenOf = new Map<string | null, Node[]>();

  /** `nodes` must be oldest first: siblings keep that order, and the newest child is the last. */
  constructor(nodes: Node[]) {
    for (const node of nodes) {
      this.byId.set(node.id, node);
      const siblings = this.childrenOf.get(node.parentId);
      if (siblings) siblings.push(node);
      else this.childrenOf.set(node.parentId, [node]);
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Ids of the message and its siblings (same parent), oldest first. */
  siblingIds(id: string): string[] {
    const node = this.byId.get(id);
    if (!node) return [];
    return (this.childrenOf.get(node.parentId) ?? []).map((sibling) => sibling.id);
  }

  /** From the root down to `id` (inclusive); empty when `id` is unknown. */
  chainTo(id: string): Node[] {
    const chain: Node[] = [];
    for (
      let node = this.byId.get(id);
      node;
      node = node.parentId ? this.byId.get(node.parentId) : undefined
    ) {
      chain.push(node);
    }
    return chain.reverse();
  }

  /** The leaf reached from `id` by always following the newest child. */
  newestLeafUnder(id: string): string {
    let current = id;
    let child = this.childrenOf.get(current)?.at(-1);
    while (child) {
      current = child.id;
      child = this.childrenOf.get(current)?.at(-1);
    }
    return current;
  }

  /**
   * The branch through `leafId`, continued past it along the newest children. An unknown or missing
   * leaf falls back to the newest branch from the newest root.
   */
  path(leafId: string | null): Node[] {
    const root = this.childrenOf.get(null)?.at(-1);
    const start = leafId && this.byId.has(leafId) ? leafId : root?.id;
    return start ? this.chainTo(this.newestLeafUnder(start)) : [];
  }
}
