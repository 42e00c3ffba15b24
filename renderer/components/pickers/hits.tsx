import { Typography } from 'antd';
import { S } from '../strings';

/** One counter-search hit in a picker's list: its title, then its subtitle greyed. */
export function HitLabel(props: { title: string; subtitle: string }) {
  return (
    <span>
      {props.title} <Typography.Text type="secondary">{props.subtitle}</Typography.Text>
    </span>
  );
}

/** What an empty list says: nothing before typing, "searching" until the answer is for the text typed. */
export function notFoundText(text: string, current: boolean, empty: string = S.pickerNotFound) {
  if (!text.trim()) return null;
  return current ? empty : S.pickerSearching;
}
