// STUB — replaced by the importer work.
export function documentYear(_title: string | null, _fileName: string | null): number | null { return null }
export function suggestAsOf(_title: string | null, _year: number | null): string | null { return null }
