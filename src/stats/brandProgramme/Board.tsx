import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BrandProgrammeView, BrandUnitRow } from '../../../types/contracts/brand';
import { BRAND_LABELS } from '../../../types/labels';
import { ActionButton } from '../../components/ActionButton';
import { Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import type { CloudState } from '../../services/useCloud';
import type { ActionOutput } from '../../../types/contracts';
import { RateBar } from '../parts';
import { oneDecimal } from '../brandKit/text';
import { nominateUrl } from '../routes';

export type BoardData = ActionOutput<'stats', 'brandBoard'>;

/** Ranked first by rank; units without a nomination have none and come last, by name. */
function byRank(a: BrandUnitRow, b: BrandUnitRow): number {
  if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
  if (a.rank !== null) return -1;
  if (b.rank !== null) return 1;
  return a.branchName.localeCompare(b.branchName, 'zh-CN');
}

/** A unit's row when it has not nominated yet: every brand at 0 against its quota. */
function emptyRow(programme: BrandProgrammeView, branchId: string): Pick<BrandUnitRow, 'brands'> & { branchId: string } {
  return {
    branchId,
    brands: programme.brands.map((brand) => ({
      key: brand.key,
      nominated: 0,
      perUnit: brand.perUnit,
      met: brand.perUnit === 0,
      peerScore: null,
      ratingAverage: null,
      accepted: 0,
      selected: 0,
    })),
  };
}

interface QuotaProgressProps {
  board: CloudState<BoardData>;
  programme: BrandProgrammeView;
  branchId: string;
}

/** 申报 (secretaries): the unit's nominations per brand against the least it must make, each with its 申报 button. */
export function QuotaProgress({ board, programme, branchId }: QuotaProgressProps) {
  const row = board.data?.units.find((unit) => unit.branchId === branchId) ?? emptyRow(programme, branchId);
  return (
    <Section
      title='本支部申报进度'
      status={board.status}
      errorMessage={board.error?.message}
      onRetry={board.reload}
      isEmpty={row.brands.length === 0}
      emptyTitle='本方案没有设品牌'
    >
      {row.brands.map((brand) => (
        <View key={brand.key} className='ht-row brand-progress' role='group' aria-label={BRAND_LABELS[brand.key]}>
          <View className='brand-progress__main'>
            <Text className='brand-progress__label'>{`${BRAND_LABELS[brand.key]} ${brand.nominated}/${brand.perUnit}`}</Text>
            <Tag
              tone={brand.met ? 'grey' : 'red'}
              text={brand.met ? '已达到' : `还差 ${Math.max(brand.perUnit - brand.nominated, 0)} 个`}
            />
          </View>
          <ActionButton
            size='small'
            variant='plain'
            onClick={() => void Taro.navigateTo({ url: nominateUrl(programme.id, { brand: brand.key }) })}
          >
            申报
          </ActionButton>
        </View>
      ))}
    </Section>
  );
}

function UnitRow({ unit }: { unit: BrandUnitRow }) {
  const label = unit.rank === null ? `— ${unit.branchName}` : `${unit.rank}. ${unit.branchName}`;
  return (
    <View className='stats-rank-row brand-unit'>
      <RateBar label={label} detail={`达到推荐数 ${unit.quotasMet}/${unit.quotasTotal} 项`} rate={unit.quotaShare} />
      <Text className='brand-unit__figures'>
        {`申报 ${unit.nominated} · 互查均分 ${oneDecimal(unit.peerScore)} · 评议 ${oneDecimal(unit.ratingAverage)} · 验收通过 ${unit.accepted} · 评选 ${unit.selected}`}
      </Text>
      <View className='brand-unit__brands'>
        {unit.brands.map((brand) => (
          <Tag key={brand.key} tone={brand.met ? 'red' : 'grey'} text={`${BRAND_LABELS[brand.key]} ${brand.nominated}/${brand.perUnit}`} />
        ))}
      </View>
    </View>
  );
}

/** 四红看板: units ranked by the share of quotas met, then selections, then the 互查 average (never raw totals). */
export function BrandBoard({ board, orgAdmin }: { board: CloudState<BoardData>; orgAdmin: boolean }) {
  const units = [...(board.data?.units ?? [])].sort(byRank);
  return (
    <Section
      title={orgAdmin ? '各单位排名' : '本支部排名'}
      status={board.status}
      errorMessage={board.error?.message}
      onRetry={board.reload}
      isEmpty={units.length === 0}
      emptyTitle='还没有单位申报'
    >
      <Text className='stats-note'>按达到推荐数的品牌占比排名，其次看评选数和互查均分，与单位大小无关</Text>
      {units.map((unit) => (
        <UnitRow key={unit.branchId} unit={unit} />
      ))}
    </Section>
  );
}
