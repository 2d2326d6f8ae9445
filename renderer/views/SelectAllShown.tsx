import { useEffect, useRef } from 'react';
import { strings } from '../strings';

/**
 * "Select all shown": checks every profile the search shows (not the hidden ones), or unchecks
 * them when all are. Mixed (indeterminate) while only some are.
 */
export function SelectAllShown(props: { state: 'all' | 'some' | 'none'; onToggle: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Only settable from script: there is no indeterminate attribute.
    if (ref.current !== null) ref.current.indeterminate = props.state === 'some';
  }, [props.state]);
  return (
    <label className="select-all">
      <input ref={ref} type="checkbox" checked={props.state === 'all'} onChange={props.onToggle} />
      <span>{strings.list.selectAllShown}</span>
    </label>
  );
}
