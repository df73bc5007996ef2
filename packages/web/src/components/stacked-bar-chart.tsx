import { ChartSvg, Legend, useChartScale, XLabels, YGrid } from './chart-frame.tsx';

export interface BarSeries {
  key: string;
  label: string;
  color: string;
}

/** Bars per category, stacked by series. Pair it with a table of the same figures. */
export function StackedBarChart(props: {
  categories: { label: string; values: Record<string, number> }[];
  series: BarSeries[];
  title: string;
}) {
  const totals = props.categories.map((category) =>
    props.series.reduce((sum, series) => sum + (category.values[series.key] ?? 0), 0),
  );
  const max = Math.max(1, ...totals);
  const { ref, scale } = useChartScale(props.categories.length, max, 40);
  const barWidth = Math.max(6, scale.step * 0.6);

  return (
    <figure ref={ref}>
      <ChartSvg scale={scale} title={props.title}>
        <YGrid scale={scale} ticks={[0, Math.ceil(max / 2), max]} format={String} />
        {props.categories.map((category, index) => {
          const x = scale.x(index) - barWidth / 2;
          let base = 0;
          return (
            <g key={category.label}>
              {props.series.map((series) => {
                const value = category.values[series.key] ?? 0;
                if (value === 0) return null;
                const top = scale.y(base + value);
                const bottom = scale.y(base);
                base += value;
                return (
                  <rect
                    key={series.key}
                    x={x}
                    y={top}
                    width={barWidth}
                    height={bottom - top}
                    fill={series.color}
                  >
                    <title>{`${category.label} · ${series.label}: ${value}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        <XLabels scale={scale} labels={props.categories.map((category) => category.label)} />
      </ChartSvg>
      <Legend series={props.series} swatch="h-3 w-3 rounded-sm" />
    </figure>
  );
}
