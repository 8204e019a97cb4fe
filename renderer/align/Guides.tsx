/** The lines a drag has snapped to, drawn in canvas coordinates one screen pixel wide at any zoom. */
import { ViewportLayer } from '../canvas/ViewportLayer';
import { useGuideLines } from './guides';

export function AlignmentGuides() {
  const guides = useGuideLines((state) => state.guides);
  if (guides.length === 0) return null;
  return (
    <ViewportLayer>
      <svg className="alignment-guides" width="1" height="1" aria-hidden>
        {guides.map((guide) =>
          guide.axis === 'x' ? (
            <line key={`x${guide.at}`} className="alignment-guide" x1={guide.at} x2={guide.at} y1={guide.from - 12} y2={guide.to + 12} />
          ) : (
            <line key={`y${guide.at}`} className="alignment-guide" x1={guide.from - 12} x2={guide.to + 12} y1={guide.at} y2={guide.at} />
          ),
        )}
      </svg>
    </ViewportLayer>
  );
}
