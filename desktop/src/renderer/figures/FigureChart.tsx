// One figure: a bar chart (recharts, keyboard-navigable through its accessibility layer), the same
// numbers as a table for anyone who cannot or would rather not read a chart, and a CSV download.
// Suppressed figures (fewer than five people behind them) have no bar and read as such in the table.
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SUPPRESSED, downloadCsv, toCsv, type Column } from './csv.js';
import { figureText } from './strings.js';

export interface Series {
  /** The column key whose values the bars show. */
  key: string;
  color: string;
}

export interface FigureChartProps<Row> {
  title: string;
  description?: string;
  columns: Column<Row>[];
  rows: Row[];
  /** The column key naming each bar group (the x axis). */
  labelKey: string;
  series: Series[];
  /** CSV file name without extension. */
  fileName: string;
}

export function FigureChart<Row>({ title, description, columns, rows, labelKey, series, fileName }: FigureChartProps<Row>) {
  const headingId = useId();
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const data = rows.map((r) => Object.fromEntries(columns.map((c) => [c.key, c.value(r)])));
  const suppressed = rows.some((r) => series.some((s) => byKey.get(s.key)?.value(r) === null));
  return (
    <section className="figure card" aria-labelledby={headingId}>
      <div className="figure-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="button-quiet" onClick={() => downloadCsv(`${fileName}.csv`, toCsv(columns, rows))}>
          {figureText.downloadCsv}
          <span className="visually-hidden"> — {title}</span>
        </button>
      </div>
      {description !== undefined && <p className="figure-description">{description}</p>}
      {rows.length === 0 ? (
        <p className="empty">{figureText.nothing}</p>
      ) : (
        <>
          <div className="figure-chart">
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={data} accessibilityLayer title={title} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey={labelKey} tick={{ fontSize: 12 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
                <Tooltip />
                {series.length > 1 && <Legend />}
                {series.map((s) => (
                  <Bar key={s.key} dataKey={s.key} name={byKey.get(s.key)?.label ?? s.key} fill={s.color} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          {suppressed && <p className="figure-note">{figureText.suppressedNote}</p>}
          <details className="figure-table">
            <summary>{figureText.showTable}</summary>
            <table>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    {columns.map((c, j) => {
                      const v = c.value(r);
                      const cell = v === null ? <span className="figure-suppressed">{SUPPRESSED}</span> : typeof v === 'number' ? v.toLocaleString() : v;
                      return j === 0 ? (
                        <th key={c.key} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={c.key}>{cell}</td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
