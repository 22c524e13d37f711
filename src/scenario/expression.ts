/**
 * The expression language of a scenario's `nodes`, parsed by hand so that every
 * error can point at one character and say how to fix it.
 *
 *   sum     = term (('+' | '-') term)*          left-associative
 *   term    = unary (('*' | '/') unary)*         left-associative
 *   unary   = '-'* power                         so `-a ^ 2` is `-(a ^ 2)`
 *   power   = primary ('^' unary)?               right-associative; `a ^ -b` is allowed
 *   primary = number | name | function '(' sum ')' | '(' sum ')'
 *
 * `**` is the same operator as `^`. Only parentheses and calls recurse, and they
 * are limited to MAX_NESTING deep; every chain of operators is parsed with a
 * loop, so `a+a+…` with 100,000 terms cannot overflow the stack.
 */

import { functionNames, functionOp, type Operator } from '../engine/ops.js';

/** A function the op table defines (`tanh`, `exp`…): the table, not this parser, says which. */
export type FunctionName = string;
export type BinaryOp = Operator;

/** Where a node sits in the expression text (a range of source text, not a styled span of a drawing): 0-based offset and length, in UTF-16 units. */
export interface SourceRange {
  offset: number;
  length: number;
}

export type Expr =
  | (SourceRange & { kind: 'number'; value: number; /** As written, e.g. `1e-3`. */ text: string })
  | (SourceRange & { kind: 'name'; name: string })
  | (SourceRange & { kind: 'neg'; operand: Expr })
  | (SourceRange & { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; /** Offset of the operator itself. */ opOffset: number })
  | (SourceRange & { kind: 'call'; fn: FunctionName; arg: Expr });

/** How deep parentheses and calls may nest. Deeper than any readable lesson, shallow enough for the stack. */
export const MAX_NESTING = 200;

/** A mistake in one expression. The loader turns `offset` into a line and column in the file. */
export class ExprSyntaxError extends Error {
  constructor(
    /** 0-based offset into the expression text. */
    readonly offset: number,
    /** What is wrong, as a clause without a final full stop. */
    readonly problem: string,
    /** How to fix it, as a clause without a final full stop. */
    readonly fix: string,
  ) {
    super(`${problem} — ${fix} (at offset ${offset})`);
    this.name = 'ExprSyntaxError';
  }
}

export function isFunctionName(name: string): boolean {
  return functionOp(name) !== undefined;
}

/** `tanh, exp, log, relu, sigmoid`: the op table's functions, for error messages. */
export function functionList(): string {
  return functionNames().join(', ');
}

type TokenKind = 'number' | 'name' | 'op' | '(' | ')' | ',' | 'end';
interface Token {
  kind: TokenKind;
  /** As written; `**` keeps its two characters so messages quote what the author typed. */
  text: string;
  offset: number;
}

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Characters people paste from papers, with what to type instead. */
const LOOKALIKES: Record<string, string> = {
  '−': '-',
  '–': '-',
  '×': '*',
  '·': '*',
  '⋅': '*',
  '÷': '/',
  '²': '^2',
  '³': '^3',
};

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    NAME.lastIndex = i;
    const number = NUMBER.exec(source);
    const name = number ? null : NAME.exec(source);
    const match = number ?? name;
    if (match) {
      tokens.push({ kind: number ? 'number' : 'name', text: match[0], offset: i });
      i += match[0].length;
    } else if (source.startsWith('**', i)) {
      tokens.push({ kind: 'op', text: '**', offset: i });
      i += 2;
    } else if ('+-*/^'.includes(ch)) {
      tokens.push({ kind: 'op', text: ch, offset: i });
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch, text: ch, offset: i });
      i++;
    } else {
      throw unexpectedCharacter(source, i);
    }
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return tokens;
}

function unexpectedCharacter(source: string, i: number): ExprSyntaxError {
  const ch = String.fromCodePoint(source.codePointAt(i) ?? 0);
  if (LOOKALIKES[ch]) return new ExprSyntaxError(i, `unexpected character \`${ch}\``, `type \`${LOOKALIKES[ch]}\` instead`);
  if (ch === '=') {
    return new ExprSyntaxError(i, 'an expression has no `=`', 'write only the right-hand side, e.g. `c: a + b`');
  }
  return new ExprSyntaxError(
    i,
    `unexpected character \`${ch}\``,
    `use only numbers, names, + - * / ^ (or **), parentheses and the functions ${functionList()}`,
  );
}

/** A parsed piece together with its extent including any parentheses around it. */
interface Piece {
  expr: Expr;
  start: number;
  end: number;
}

function binary(op: BinaryOp, opOffset: number, left: Piece, right: Piece): Piece {
  const expr: Expr = {
    kind: 'binary',
    op,
    left: left.expr,
    right: right.expr,
    opOffset,
    offset: left.start,
    length: right.end - left.start,
  };
  return { expr, start: left.start, end: right.end };
}

function negate(minusOffset: number, operand: Piece): Piece {
  const expr: Expr = { kind: 'neg', operand: operand.expr, offset: minusOffset, length: operand.end - minusOffset };
  return { expr, start: minusOffset, end: operand.end };
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    if (this.peek().kind === 'end') {
      throw new ExprSyntaxError(0, 'the expression is empty', 'write an operation such as `a + b`');
    }
    const piece = this.sum();
    this.expectAfterOperand(null);
    return piece.expr;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.kind === 'op' && ops.includes(t.text);
  }

  private sum(): Piece {
    return this.leftAssociative(['+', '-'], () => this.term());
  }

  private term(): Piece {
    return this.leftAssociative(['*', '/'], () => this.unary());
  }

  /** `a op b op c` as `(a op b) op c`, for the operators of one precedence level. */
  private leftAssociative(ops: BinaryOp[], operand: () => Piece): Piece {
    let left = operand();
    while (this.isOp(...ops)) {
      const op = this.tokens[this.pos++];
      left = binary(op.text as BinaryOp, op.offset, left, operand());
    }
    return left;
  }

  private unary(): Piece {
    const minuses: number[] = [];
    while (this.isOp('-')) minuses.push(this.tokens[this.pos++].offset);
    let piece = this.power();
    for (let k = minuses.length - 1; k >= 0; k--) piece = negate(minuses[k], piece);
    return piece;
  }

  /** `p0 ^ -p1 ^ p2`: collect the chain with a loop, then fold it from the right. */
  private power(): Piece {
    const chain: { minuses: number[]; base: Piece; caret: number }[] = [];
    let minuses: number[] = [];
    for (;;) {
      const base = this.primary();
      if (!this.isOp('^', '**')) {
        let acc = base;
        for (let k = minuses.length - 1; k >= 0; k--) acc = negate(minuses[k], acc);
        for (let j = chain.length - 1; j >= 0; j--) {
          const link = chain[j];
          acc = binary('^', link.caret, link.base, acc);
          for (let k = link.minuses.length - 1; k >= 0; k--) acc = negate(link.minuses[k], acc);
        }
        return acc;
      }
      chain.push({ minuses, base, caret: this.tokens[this.pos++].offset });
      minuses = [];
      while (this.isOp('-')) minuses.push(this.tokens[this.pos++].offset);
    }
  }

  private primary(): Piece {
    const t = this.peek();
    if (t.kind === 'number') {
      this.pos++;
      const value = Number(t.text);
      if (!Number.isFinite(value)) {
        throw new ExprSyntaxError(t.offset, `the number \`${t.text}\` is too large`, 'use a number below 1e308');
      }
      return {
        expr: { kind: 'number', value, text: t.text, offset: t.offset, length: t.text.length },
        start: t.offset,
        end: t.offset + t.text.length,
      };
    }
    if (t.kind === 'name') {
      this.pos++;
      if (this.peek().kind === '(') return this.call(t);
      if (isFunctionName(t.text)) {
        throw new ExprSyntaxError(t.offset, `\`${t.text}\` is a function, not a value`, `call it with one argument, e.g. \`${t.text}(x)\``);
      }
      return {
        expr: { kind: 'name', name: t.text, offset: t.offset, length: t.text.length },
        start: t.offset,
        end: t.offset + t.text.length,
      };
    }
    if (t.kind === '(') {
      this.pos++;
      this.enter(t);
      if (this.peek().kind === ')') {
        throw new ExprSyntaxError(this.peek().offset, 'the parentheses `()` hold nothing', 'put an expression between them or remove them');
      }
      const inner = this.sum();
      this.expectAfterOperand(t);
      const close = this.tokens[this.pos++];
      this.depth--;
      return { expr: inner.expr, start: t.offset, end: close.offset + 1 };
    }
    throw this.missingOperand(t);
  }

  private call(fnToken: Token): Piece {
    const open = this.tokens[this.pos++];
    if (!isFunctionName(fnToken.text)) {
      throw new ExprSyntaxError(
        fnToken.offset,
        `unknown function \`${fnToken.text}\`; the functions are ${functionList()}`,
        'use one of those, or build it from + - * / ^',
      );
    }
    const fn = fnToken.text;
    this.enter(open);
    if (this.peek().kind === ')') {
      throw new ExprSyntaxError(
        this.peek().offset,
        `\`${fn}\` needs one argument`,
        `put an expression between the parentheses, e.g. \`${fn}(x)\``,
      );
    }
    const arg = this.sum();
    if (this.peek().kind === ',') {
      throw new ExprSyntaxError(this.peek().offset, `\`${fn}\` takes exactly one argument`, 'remove the extra argument after the comma');
    }
    this.expectAfterOperand(open);
    const close = this.tokens[this.pos++];
    this.depth--;
    const end = close.offset + 1;
    return { expr: { kind: 'call', fn, arg: arg.expr, offset: fnToken.offset, length: end - fnToken.offset }, start: fnToken.offset, end };
  }

  private enter(open: Token): void {
    if (++this.depth > MAX_NESTING) {
      throw new ExprSyntaxError(
        open.offset,
        `parentheses nest more than ${MAX_NESTING} deep`,
        'split the expression into several named nodes',
      );
    }
  }

  /**
   * After a complete operand only an operator, or the `)` that closes `open`
   * (the end of the text when `open` is null), may follow.
   */
  private expectAfterOperand(open: Token | null): void {
    const t = this.peek();
    if (open && t.kind === ')') return;
    if (!open && t.kind === 'end') return;
    if (t.kind === 'end' && open) {
      throw new ExprSyntaxError(open.offset, 'this `(` is never closed', 'add the missing `)`');
    }
    if (t.kind === ')') {
      throw new ExprSyntaxError(t.offset, 'this `)` has no matching `(`', 'remove it or add the missing `(`');
    }
    if (t.kind === ',') {
      throw new ExprSyntaxError(t.offset, 'unexpected `,`', 'only a function call has an argument list, and it takes one argument');
    }
    const previous = this.tokens[this.pos - 1];
    throw new ExprSyntaxError(
      t.offset,
      `an operator is missing between \`${previous.text}\` and \`${t.text}\``,
      `put one between them, e.g. \`${previous.text} * ${t.text}\``,
    );
  }

  private missingOperand(t: Token): ExprSyntaxError {
    const previous = this.pos > 0 ? this.tokens[this.pos - 1] : null;
    if (t.kind === 'end') {
      // `previous` exists: parse() rejects an empty expression before we get here.
      const op = previous ?? t;
      return new ExprSyntaxError(op.offset, `the expression ends after \`${op.text}\``, `add what \`${op.text}\` applies to, or remove it`);
    }
    if (t.kind === ')' && this.depth === 0) {
      return new ExprSyntaxError(t.offset, 'this `)` has no matching `(`', 'remove it or add the missing `(`');
    }
    if (!previous) {
      return new ExprSyntaxError(t.offset, `the expression starts with \`${t.text}\``, `put an operand before \`${t.text}\` or remove it`);
    }
    return new ExprSyntaxError(
      t.offset,
      `expected a number, a name or \`(\` after \`${previous.text}\`, found \`${t.text}\``,
      `remove the extra \`${t.text}\` or put an operand before it`,
    );
  }
}

/** Parses one expression. Throws ExprSyntaxError (and nothing else) on a mistake. */
export function parseExpression(source: string): Expr {
  return new Parser(tokenize(source)).parse();
}

/** The direct operands of a node, left to right. */
export function childrenOf(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'number':
    case 'name':
      return [];
    case 'neg':
      return [expr.operand];
    case 'binary':
      return [expr.left, expr.right];
    case 'call':
      return [expr.arg];
  }
}

/** Every node, parents before children, left to right (so leaves come in source order). No recursion. */
export function* preorder(root: Expr): Generator<Expr> {
  const stack = [root];
  while (stack.length > 0) {
    const expr = stack.pop() as Expr;
    yield expr;
    const children = childrenOf(expr);
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
  }
}
