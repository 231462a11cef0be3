// The behaviour policy, readable at any time, and its acknowledgement.
import { usePolicy } from '../hooks/use-data.js';
import { usePolicyGate } from '../hooks/use-policy-gate.js';
import { text } from './strings.js';

interface RuleLike {
  id?: unknown;
  name?: unknown;
  title?: unknown;
  description?: unknown;
  severity?: unknown;
  guidance?: unknown;
}

export function PolicyScreen() {
  const policy = usePolicy();
  const gate = usePolicyGate();
  const raw = (policy?.raw ?? null) as { title?: unknown; introduction?: unknown; rules?: unknown } | null;
  const rules = Array.isArray(raw?.rules) ? (raw.rules as RuleLike[]) : [];
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return (
    <section className="screen screen-policy" aria-labelledby="policy-title">
      <h1 id="policy-title">{str(raw?.title) || text.policy.title}</h1>
      {!policy && <p>{text.policy.none}</p>}
      {policy && <p>{text.policy.version(policy.version)}</p>}
      {str(raw?.introduction) && <p>{str(raw?.introduction)}</p>}
      <ol className="policy-rules">
        {rules.map((r, i) => (
          <li key={str(r.id) || i}>
            <h2>{str(r.name) || str(r.title) || str(r.id)}</h2>
            {str(r.description) && <p>{str(r.description)}</p>}
            {str(r.guidance) && <p className="guidance">{str(r.guidance)}</p>}
          </li>
        ))}
      </ol>
      {policy && (gate.needed ? (
        <button type="button" className="button-primary" onClick={() => void gate.acknowledge()}>
          {text.policy.acknowledge}
        </button>
      ) : (
        <p role="status">{text.policy.acknowledged}</p>
      ))}
    </section>
  );
}
