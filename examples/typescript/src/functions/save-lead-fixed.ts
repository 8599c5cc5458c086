// ✅ The handler waits for the CRM and answers with the error when it fails.
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

export const handler = async (context: { CRM_URL: string }, event: Lead, callback: Callback) => {
  const crm = new Crm(context.CRM_URL);
  try {
    await crm.save({ name: event.name, phone: event.phone });
    return callback(null, { saved: true });
  } catch (error) {
    return callback(error);
  }
};
