import { useRef } from 'react';
import type { Dayjs } from 'dayjs';
import type { useCommandForm } from '../components/forms';
import { pickedToIso } from '../dates';

type FormProps = ReturnType<typeof useCommandForm>['formProps'];

/**
 * The fields of a form the operator has set by hand since it opened (or was reset). Spread the
 * returned formProps onto the <Form>: every change is noted, then goes on as before. An untouched
 * time means "now" on the server's clock, not this PC's, so `time()` sends it as null.
 */
export function useTouched<V>(formProps: FormProps) {
  const touched = useRef(new Set<string>());
  const onValuesChange = (changed: Record<string, unknown>) => {
    formProps.onValuesChange(changed);
    for (const field of Object.keys(changed)) touched.current.add(field);
  };
  return {
    formProps: { ...formProps, onValuesChange },
    /** Notes a field set another way than by the form (a hotkey). */
    touch: (field: keyof V & string) => void touched.current.add(field),
    has: (field: keyof V & string) => touched.current.has(field),
    time: (field: keyof V & string, picked: Dayjs | null | undefined) => (touched.current.has(field) && picked ? pickedToIso(picked) : null),
    reset: () => touched.current.clear(),
  };
}
