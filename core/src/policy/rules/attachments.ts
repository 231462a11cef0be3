// Attachment types and sizes. Why: executables and archives are how malware travels, and very large
// files fill every client's disk (everything is synced for offline use). Findings point at the
// attachment by its index in draft.attachments (start = index, end = index + 1).
import type { AttachmentsRule } from '../rule-schemas.js';
import type { Finding } from '../types.js';
import { finding, type RuleCheck } from './rule-check.js';

function typeAllowed(mimeType: string, allowed: readonly string[]): boolean {
  const type = mimeType.toLowerCase().split(';', 1)[0]?.trim() ?? '';
  return allowed.some((p) => (p.endsWith('/*') ? type.startsWith(p.slice(0, -1)) : type === p));
}

function size(bytes: number): string {
  if (bytes >= 1_048_576) return `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function prepareAttachments(rule: AttachmentsRule): RuleCheck {
  const blocked = new Set(rule.blockExtensions);
  return ({ draft }) => {
    const out: Finding[] = [];
    const list = draft.attachments ?? [];
    let total = 0;
    list.forEach((a, i) => {
      total += a.bytes;
      const report = (detail: string) => out.push(finding(rule, rule.severity, 'attachment', i, i + 1, detail));
      // Every extension counts: "report.pdf.exe" is an executable, and so is "report.exe.pdf"'s intent.
      const parts = a.name.toLowerCase().split('.').slice(1);
      if (parts.some((ext) => blocked.has(ext.trim()))) report('a file type that is not allowed');
      else if (rule.allowTypes && !typeAllowed(a.mimeType, rule.allowTypes)) report('a file type that is not allowed');
      if (rule.maxBytes !== undefined && a.bytes > rule.maxBytes) report(`a file larger than ${size(rule.maxBytes)}`);
    });
    if (rule.maxCount !== undefined && list.length > rule.maxCount) {
      out.push(finding(rule, rule.severity, 'attachment', rule.maxCount, list.length, `more than ${rule.maxCount} files`));
    }
    if (rule.maxTotalBytes !== undefined && total > rule.maxTotalBytes) {
      out.push(finding(rule, rule.severity, 'attachment', 0, list.length, `files larger than ${size(rule.maxTotalBytes)} together`));
    }
    return out;
  };
}
