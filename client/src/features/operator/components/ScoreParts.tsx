import type { RecommendedPartnersQuery } from '../../../gql/graphql';
import { humanize } from '../../../lib/labels';

type Part = RecommendedPartnersQuery['recommendedPartners'][number]['reasons'][number];
const percent = (value: number) => `${Math.round(value * 100)}%`;
/** "trackRecord" -> "Track record". */
const factorLabel = (factor: string) => humanize(factor.replace(/([a-z])([A-Z])/g, '$1_$2'));

/** Each part of a recommendation's score: weight × value, with the reason in words. */
export function ScoreParts({ parts }: { parts: Part[] }) {
  return (
    <table className="score-parts">
      <caption className="visually-hidden">Score parts</caption>
      <thead>
        <tr>
          <th scope="col">Factor</th>
          <th scope="col">Weight</th>
          <th scope="col">Value</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {parts.map((part) => (
          <tr key={part.factor}>
            <td data-label="Factor">{factorLabel(part.factor)}</td>
            <td data-label="Weight">{percent(part.weight)}</td>
            <td data-label="Value">
              <meter min={0} max={1} value={part.value} aria-label={`${factorLabel(part.factor)} value`} /> {percent(part.value)}
            </td>
            <td data-label="Why">{part.explanation}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
