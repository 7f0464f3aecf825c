import { Typography } from 'antd';
import { GapList } from '../components/GapList';

export default function GapsPage() {
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        缺口清单
      </Typography.Title>
      <GapList filter={{}} title="全区缺口" />
    </>
  );
}
