/**
 * A small reader for XML property lists (`diskutil info -plist`): dict, array, string, integer,
 * real, true, false, date, data. Enough for diskutil's output; no dependency for one command.
 */
export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

const TOKEN = /<(\/?)([A-Za-z]+)\b[^>]*?(\/?)>|([^<]+)/g;

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_m, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

type Token = { close: boolean; tag: string; empty: boolean } | { text: string };

function tokenize(xml: string): Token[] {
  // Drop the XML declaration, the DOCTYPE and comments before tokenizing.
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[\s\S]*?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const out: Token[] = [];
  for (const m of body.matchAll(TOKEN)) {
    if (m[2] !== undefined) out.push({ close: m[1] === '/', tag: m[2], empty: m[3] === '/' });
    else if (m[4] !== undefined && m[4].trim() !== '') out.push({ text: m[4] });
  }
  return out;
}

class Reader {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new Error('plist ended early');
    return t;
  }

  private textUntil(tag: string): string {
    let text = '';
    for (;;) {
      const t = this.next();
      if ('text' in t) text += t.text;
      else if (t.close && t.tag === tag) return decodeEntities(text);
      else throw new Error(`unexpected <${t.tag}> in <${tag}>`);
    }
  }

  value(): PlistValue {
    const t = this.next();
    if ('text' in t || t.close) throw new Error('expected a value');
    if (t.empty) {
      if (t.tag === 'true') return true;
      if (t.tag === 'false') return false;
      if (t.tag === 'string' || t.tag === 'data') return '';
      if (t.tag === 'dict') return {};
      if (t.tag === 'array') return [];
      throw new Error(`unknown <${t.tag}/>`);
    }
    switch (t.tag) {
      case 'plist':
        return this.plist();
      case 'dict':
        return this.dict();
      case 'array':
        return this.array();
      case 'string':
      case 'date':
      case 'data':
        return this.textUntil(t.tag);
      case 'integer':
      case 'real':
        return Number(this.textUntil(t.tag).trim());
      default:
        throw new Error(`unknown <${t.tag}>`);
    }
  }

  private plist(): PlistValue {
    const v = this.value();
    const end = this.next();
    if ('text' in end || !end.close || end.tag !== 'plist') throw new Error('expected </plist>');
    return v;
  }

  private dict(): { [key: string]: PlistValue } {
    const out: { [key: string]: PlistValue } = {};
    for (;;) {
      const t = this.next();
      if ('text' in t) throw new Error('text in <dict>');
      if (t.close && t.tag === 'dict') return out;
      if (t.tag !== 'key' || t.close) throw new Error('expected <key>');
      const key = t.empty ? '' : this.textUntil('key');
      out[key] = this.value();
    }
  }

  private array(): PlistValue[] {
    const out: PlistValue[] = [];
    for (;;) {
      const t = this.tokens[this.i];
      if (t && !('text' in t) && t.close && t.tag === 'array') {
        this.i++;
        return out;
      }
      out.push(this.value());
    }
  }
}

/** The top-level value of an XML plist; throws on anything malformed. */
export function parsePlist(xml: string): PlistValue {
  return new Reader(tokenize(xml)).value();
}
