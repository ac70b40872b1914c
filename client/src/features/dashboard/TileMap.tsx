import { Link } from 'react-router';
import { useI18n } from '../../i18n/useI18n';
import { classRanges, shadeOf, type Tile } from './chartLogic';
import { TILE_FILLS, tileTextColor } from './palette';
import { softHyphenated } from '../../i18n/syllables';
import './tileMap.css';

/**
 * The municipalities as a tile map: a CSS grid of links placed roughly as on
 * the map, coloured by the number of needs, the count written on each tile.
 * In the DOM the tiles run north to south, west to east (the reading order).
 * Each name is shown whole: on a phone a long one wraps at a syllable (tileMap.css).
 */
export function TileMap({
  tiles,
  cols,
  rows,
  breaks,
  selected,
  hrefOf,
  summaryId,
}: {
  tiles: readonly Tile[];
  cols: number;
  rows: number;
  breaks: readonly number[];
  selected: string;
  hrefOf: (tile: Tile) => string;
  summaryId: string;
}) {
  const { t, number } = useI18n();
  const ordered = [...tiles].sort((a, b) => a.row - b.row || a.col - b.col);
  return (
    <div className="yp-tilemap-wrap">
      <ul
        className="yp-tilemap"
        style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, auto)` }}
        aria-describedby={summaryId}
        data-testid="tile-map"
      >
        {ordered.map((tile) => {
          const shade = shadeOf(tile.level, breaks.length);
          return (
            <li key={tile.id} style={{ gridColumn: tile.col + 1, gridRow: tile.row + 1 }}>
              <Link
                to={hrefOf(tile)}
                className={`yp-tile${tile.id === selected ? ' yp-tile--selected' : ''}${tile.level === 0 ? ' yp-tile--empty' : ''}`}
                style={{ background: TILE_FILLS[shade], color: tileTextColor(shade) }}
                aria-label={t('dash.map.tile', { name: tile.name, count: tile.count })}
                aria-current={tile.id === selected ? 'true' : undefined}
                data-code={tile.code ?? ''}
                data-count={tile.count}
              >
                <span className="yp-tile__count">{number(tile.count)}</span>
                {/* Whole, on two lines where a phone's tile is narrow: divided by syllables, with a hyphen. */}
                <span className="yp-tile__name" lang="fi">
                  {softHyphenated(tile.name)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="yp-tilemap__legend" aria-hidden="true">
        <span className="yp-tilemap__legend-title">{t('dash.map.legend')}</span>
        <span className="yp-tilemap__key">
          <span className="yp-tilemap__swatch yp-tile--empty" style={{ background: TILE_FILLS[0] }} />
          {t('dash.map.legendNone')}
        </span>
        {classRanges(breaks).map(([from, to], i) => (
          <span className="yp-tilemap__key" key={from}>
            <span className="yp-tilemap__swatch" style={{ background: TILE_FILLS[shadeOf(i + 1, breaks.length)] }} />
            {from === to ? number(from) : `${number(from)}–${number(to)}`}
          </span>
        ))}
      </div>
    </div>
  );
}
