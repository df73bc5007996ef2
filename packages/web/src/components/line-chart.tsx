import {
  ChartSvg,
  Legend,
  useChartScale,
  XLabels,
  YGrid,
  type ChartScale,
} from './chart-frame.tsx';

export interface LineSeries {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
}

type Categories = { label: string; values: Record<string, number | null> }[];

/** The SVG paths of one series; a missing value breaks the line. */
function segments(categories: Categories, key: string, scale: ChartScale): string[] {
  const paths: string[] = [];
  let current = '';
  categories.forEach((category, index) => {
    const value = category.values[key];
    if (value === null || value === undefined) {
      if (current) paths.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${scale.x(index).toFixed(1)},${scale.y(value).toFixed(1)}`;
  });
  if (current) paths.push(current);
  return paths;
}

/** Lines over categories. Pair it with a table of the same figures. */
export function LineChart(props: {
  categories: Categories;
  series: LineSeries[];
  title: string;
  formatValue: (value: number) => string;
}) {
  const all = props.categories.flatMap((category) =>
    props.series.map((series) => category.values[series.key] ?? 0),
  );
  const max = Math.max(1, ...all);
  const { ref, scale } = useChartScale(props.categories.length, max, 56);

  return (
    <figure ref={ref}>
      <ChartSvg scale={scale} title={props.title}>
        <YGrid scale={scale} ticks={[0, max / 2, max]} format={props.formatValue} />
        {props.series.map((series) => (
          <g key={series.key}>
            {segments(props.categories, series.key, scale).map((d) => (
              <path
                key={d}
                d={d}
                fill="none"
                stroke={series.color}
                strokeWidth="2"
                strokeDasharray={series.dashed ? '5 4' : undefined}
              />
            ))}
            {props.categories.map((category, index) => {
              const value = category.values[series.key];
              return value === null || value === undefined ? null : (
                <circle
                  key={category.label}
                  cx={scale.x(index)}
                  cy={scale.y(value)}
                  r="3"
                  fill={series.color}
                >
                  <title>{`${category.label} · ${series.label}: ${props.formatValue(value)}`}</title>
                </circle>
              );
            })}
          </g>
        ))}
        <XLabels scale={scale} labels={props.categories.map((category) => category.label)} />
      </ChartSvg>
      <Legend series={props.series} swatch="h-0.5 w-4" />
    </figure>
  );
}
