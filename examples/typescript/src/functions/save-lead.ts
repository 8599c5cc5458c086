// ❌ no-floating-promises (type-checked): `crm.save()` returns a Promise — only TypeScript's checker knows it, since
// it is a method of a class of this project — and the callback ends the invocation before it settles: the lead is
// never saved.
type Callback = (error: unknown, payload?: unknown) => void;

interface Lead {
  name: string;
  phone: string;
}

class Crm {
  constructor(private readonly url: string) {}

  async save(lead: Lead): Promise<void> {
    const response = await fetch(this.url, { method: 'POST', body: JSON.stringify(lead) });
    if (!response.ok) throw new Error(`CRM answered ${response.status}`);
  }
}

export const handler = (context: { CRM_URL: string }, event: Lead, callback: Callback) => {
  const crm = new Crm(context.CRM_URL);
  crm.save({ name: event.name, phone: event.phone });
  callback(null, { saved: true });
};
