import { Card, Col, Progress, Row, Tooltip } from 'antd';
import { percent } from './format';

export interface Ratio {
  numerator: number;
  denominator: number;
  ratio: number | null;
}
export type Figures = Record<FigureKey, Ratio>;

/** The six figures of DESIGN §3, in their order, with what each counts. */
export const FIGURES = [
  { key: 'catalogued', name: '编目率', help: '已发布资源 / 项目登记的资源（第五条）' },
  { key: 'metadata', name: '元数据完整率', help: '元数据齐全的资源 / 全部资源（第八条、第九条）' },
  { key: 'interfaces', name: '接口覆盖率', help: '有可用共享接口的可共享资源 / 可共享资源（第九条）' },
  { key: 'mounted', name: '挂接率', help: '接口已挂接市共享交换平台的可共享资源 / 可共享资源（第十七条）' },
  { key: 'aggregated', name: '归集率', help: '至少成功归集一次的可共享资源 / 可共享资源（第十七条）' },
  { key: 'timely', name: '及时率', help: '按更新周期及时归集的资源 / 已归集资源（第十七条）' },
] as const;
export type FigureKey = (typeof FIGURES)[number]['key'];

const colour = (r: number | null) => (r === null ? '#bfbfbf' : r >= 0.9 ? '#389e0d' : r >= 0.6 ? '#d48806' : '#cf1322');

export function FigureCards({ figures }: { figures: Figures }) {
  return (
    <Row gutter={[12, 12]}>
      {FIGURES.map((f) => {
        const r = figures[f.key];
        return (
          <Col key={f.key} xs={12} md={8} xl={4}>
            <Card size="small" className="hub-figure" data-figure={f.key}>
              <Tooltip title={f.help}>
                <div style={{ fontWeight: 600, marginBottom: 8 }} tabIndex={0} aria-label={`${f.name}：${f.help}`}>
                  {f.name}
                </div>
              </Tooltip>
              <Progress
                type="dashboard"
                size={96}
                percent={r.ratio === null ? 0 : Math.round(r.ratio * 1000) / 10}
                strokeColor={colour(r.ratio)}
                format={() => percent(r.ratio)}
                aria-label={`${f.name} ${percent(r.ratio)}`}
              />
              <div className="hub-nd" data-testid={`nd-${f.key}`}>
                {r.numerator} / {r.denominator}
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
