import type { ReactNode } from 'react';
import { useWidth } from './use-width.ts';

export const chartHeight = 220;
const padding = { top: 12, right: 8, bottom: 28 };

export interface ChartScale {
  width: number;
  left: number;
  /** Horizontal room of one category. */
  step: number;
  /** Centre of category `index`. */
  x: (index: number) => number;
  y: (value: number) => number;
  /** Axis labels need about 40 px each: on narrow screens, every n-th category only. */
  labelEvery: number;
}

/** Scales for `count` categories and values up to `max`, at the figure's rendered width. */
export function useChartScale(count: number, max: number, left: number) {
  const { ref, width } = useWidth<HTMLElement>();
  const plotHeight = chartHeight - padding.top - padding.bottom;
  const step = (width - left - padding.right) / Math.max(1, count);
  const top = Math.max(1, max);
  const scale: ChartScale = {
    width,
    left,
    step,
    x: (index) => left + index * step + step / 2,
    y: (value) => padding.top + plotHeight - (value / top) * plotHeight,
    labelEvery: Math.max(1, Math.ceil(40 / step)),
  };
  return { ref, scale };
}

/** Horizontal grid lines with their values on the left. */
export function YGrid(props: {
  scale: ChartScale;
  ticks: number[];
  format: (value: number) => string;
}) {
  const { scale } = props;
  return props.ticks.map((tick) => (
    <g key={tick}>
      <line
        x1={scale.left}
        x2={scale.width - padding.right}
        y1={scale.y(tick)}
        y2={scale.y(tick)}
        stroke="#e2e8f0"
      />
      <text x={scale.left - 6} y={scale.y(tick) + 4} textAnchor="end" fontSize="11" fill="#475569">
        {props.format(tick)}
      </text>
    </g>
  ));
}

/** The category labels under the plot. */
export function XLabels(props: { scale: ChartScale; labels: string[] }) {
  const { scale } = props;
  return props.labels.map((label, index) => (
    <text
      key={label}
      x={scale.x(index)}
      y={chartHeight - 8}
      textAnchor="middle"
      fontSize="11"
      fill="#475569"
    >
      {index % scale.labelEvery === 0 ? label : ''}
    </text>
  ));
}

/** The series, each with its colour swatch. */
export function Legend(props: {
  series: { key: string; label: string; color: string }[];
  swatch: string;
}) {
  return (
    <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      {props.series.map((series) => (
        <span key={series.key} className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={props.swatch}
            style={{ backgroundColor: series.color }}
          />
          {series.label}
        </span>
      ))}
    </figcaption>
  );
}

/** The chart's SVG at its rendered size, described by `title` for screen readers. */
export function ChartSvg(props: { scale: ChartScale; title: string; children: ReactNode }) {
  return (
    <svg
      width={props.scale.width}
      height={chartHeight}
      viewBox={`0 0 ${props.scale.width} ${chartHeight}`}
      role="img"
      aria-label={props.title}
    >
      {props.children}
    </svg>
  );
}
