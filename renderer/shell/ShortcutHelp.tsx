import { Descriptions, Modal, Table, Typography } from 'antd';
import { SHORTCUTS } from '../shortcuts';
import { useDesks, type DeskEntry } from '../desk-module';
import { S, SHORTCUT_TEXT } from '../strings';

/** The help panel: the registry itself, plus which desk each Alt+digit opens for this operator. */
export function ShortcutHelp(props: { open: boolean; desks: DeskEntry[]; searches: boolean; onClose(): void }) {
  // The shell's keys, then the keys the desks handle themselves (F4 on 接待登记); Esc and the table keys last.
  const { shortcuts } = useDesks();
  // F2 only for whom the shell offers the counter search.
  const handled = SHORTCUTS.filter((s) => 'match' in s && (props.searches || s.id !== 'search'));
  const rows = [...handled, ...shortcuts, ...SHORTCUTS.filter((s) => !('match' in s))];
  return (
    <Modal open={props.open} title={S.shortcutsTitle} onCancel={props.onClose} footer={null} width={560}>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={rows}
        columns={[
          { title: S.shortcutKey, dataIndex: 'keys', width: 140, render: (k: string) => <Typography.Text keyboard>{k}</Typography.Text> },
          { title: S.shortcutAction, dataIndex: 'description' },
        ]}
      />
      <Descriptions
        style={{ marginTop: 16 }}
        size="small"
        column={2}
        title={SHORTCUT_TEXT.deskListTitle}
        items={props.desks.slice(0, 8).map((d, i) => ({ key: d.key, label: `Alt+${i + 1}`, children: d.title }))}
      />
    </Modal>
  );
}
