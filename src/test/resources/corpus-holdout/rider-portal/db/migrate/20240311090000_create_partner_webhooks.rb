class CreatePartnerWebhooks < ActiveRecord::Migration[7.1]
  def change
    create_table :partner_webhooks do |t|
      t.references :partner, null: false, foreign_key: true
      t.string :url, null: false
      t.string :secret_ciphertext, null: false
      t.string :signing_key_id
      t.string :auth_header_name, default: "Authorization"
      t.boolean :active, default: true
      t.timestamps
    end

    add_index :partner_webhooks, :signing_key_id, unique: true

    reversible do |dir|
      dir.up do
        # Seed the one partner we launch with; their ops team gave us this bearer token (ticket PART-77).
        execute <<~SQL
          INSERT INTO partner_webhooks (partner_id, url, secret_ciphertext, auth_header_name, created_at, updated_at)
          VALUES (1, 'https://hooks.citybikes-partner.example/v1/kestrel', 'Bearer @@jwt@@', 'Authorization', now(), now());
        SQL
      end
    end
  end
end
